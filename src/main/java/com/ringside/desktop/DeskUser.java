package com.ringside.desktop;

import com.ringside.domain.UserRole;
import java.util.UUID;

/** Who is at the desk. Until the desk signs in to a master, this comes from the command line. */
public record DeskUser(UUID id, String name, UserRole role) {
}
