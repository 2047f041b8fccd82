// Shared by the platform files (platform.cc, platform_posix.cc, platform_windows.cc) only.
#pragma once

namespace atomicgen {

// How many helper files this process failed to remove so far (NoteLeftBehind()).
unsigned LeftBehindCount() noexcept;

}  // namespace atomicgen
