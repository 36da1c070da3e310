package com.ringside.desktop;

import com.ringside.domain.UserRole;
import java.util.UUID;

/** Who is at the desk: the user the master signed in (or, for a desk without a master, who the caller says). */
public record DeskUser(UUID id, String name, UserRole role) {
}
