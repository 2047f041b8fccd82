// The platform layer on Windows (platform.h). Compiles there (tests/platform); cannot be run on
// this project's Linux machines. Compiles to nothing elsewhere.
#ifdef _WIN32
#include <fmt/format.h>
#include <io.h>
#include <process.h>
#include <windows.h>

#include <cerrno>
#include <cstring>

#include "error.h"
#include "platform.h"
#include "platform_internal.h"

namespace atomicgen {
// ---------------------------------------------------------------------------------------------
// Windows. Compiles there; cannot be run on this project's Linux machines.

namespace {

std::wstring Wide(const std::string& utf8) {
  if (utf8.empty()) return {};
  int n = MultiByteToWideChar(CP_UTF8, 0, utf8.data(), static_cast<int>(utf8.size()), nullptr, 0);
  std::wstring wide(static_cast<std::size_t>(n), L'\0');
  MultiByteToWideChar(CP_UTF8, 0, utf8.data(), static_cast<int>(utf8.size()), wide.data(), n);
  return wide;
}

std::string Narrow(const std::wstring& wide) {
  if (wide.empty()) return {};
  int n = WideCharToMultiByte(CP_UTF8, 0, wide.data(), static_cast<int>(wide.size()), nullptr, 0,
                              nullptr, nullptr);
  std::string utf8(static_cast<std::size_t>(n), '\0');
  WideCharToMultiByte(CP_UTF8, 0, wide.data(), static_cast<int>(wide.size()), utf8.data(), n,
                      nullptr, nullptr);
  return utf8;
}

[[noreturn]] void ThrowWindowsError(DWORD code, std::string_view operation, std::string_view path) {
  char* message = nullptr;
  FormatMessageA(
      FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS,
      nullptr, code, 0, reinterpret_cast<char*>(&message), 0, nullptr);
  std::string reason = message ? message : fmt::format("error {}", code);
  if (message) LocalFree(message);
  while (!reason.empty() && (reason.back() == '\n' || reason.back() == '\r')) reason.pop_back();
  throw Error(ExitCode::kFileSystem, operation, path, reason);
}

HANDLE Handle(const File& file) { return reinterpret_cast<HANDLE>(file.handle()); }

FileTime FromFiletime(FILETIME time) {
  // 100 ns ticks since 1601 -> seconds since 1970.
  std::uint64_t ticks =
      (static_cast<std::uint64_t>(time.dwHighDateTime) << 32) | time.dwLowDateTime;
  std::int64_t unix_ticks = static_cast<std::int64_t>(ticks) - 116444736000000000LL;
  return {unix_ticks / 10000000, (unix_ticks % 10000000) * 100};
}

FileInfo FromAttributes(const WIN32_FILE_ATTRIBUTE_DATA& data) {
  FileInfo info;
  info.exists = true;
  info.is_directory = (data.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY) != 0;
  info.is_symlink = (data.dwFileAttributes & FILE_ATTRIBUTE_REPARSE_POINT) != 0;
  info.is_regular = !info.is_directory;
  info.mode = (data.dwFileAttributes & FILE_ATTRIBUTE_READONLY) ? 0444 : 0666;
  info.size = (static_cast<std::uint64_t>(data.nFileSizeHigh) << 32) | data.nFileSizeLow;
  info.mtime = FromFiletime(data.ftLastWriteTime);
  return info;
}

}  // namespace

File::~File() {
  if (handle_ != kInvalid) CloseHandle(reinterpret_cast<HANDLE>(handle_));
}

FileInfo FileSystem::Status(const std::string& path) {
  WIN32_FILE_ATTRIBUTE_DATA data;
  if (!GetFileAttributesExW(Wide(path).c_str(), GetFileExInfoStandard, &data)) {
    DWORD code = GetLastError();
    if (code == ERROR_FILE_NOT_FOUND || code == ERROR_PATH_NOT_FOUND) return {};
    ThrowWindowsError(code, "stat", path);
  }
  return FromAttributes(data);
}

FileInfo FileSystem::LinkStatus(const std::string& path) { return Status(path); }

FileInfo FileSystem::Status(File& file) {
  BY_HANDLE_FILE_INFORMATION data;
  if (!GetFileInformationByHandle(Handle(file), &data)) {
    ThrowWindowsError(GetLastError(), "stat", file.path());
  }
  FileInfo info;
  info.exists = true;
  info.is_directory = (data.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY) != 0;
  info.is_regular = !info.is_directory;
  info.mode = 0666;
  info.device = data.dwVolumeSerialNumber;
  info.inode = (static_cast<std::uint64_t>(data.nFileIndexHigh) << 32) | data.nFileIndexLow;
  info.size = (static_cast<std::uint64_t>(data.nFileSizeHigh) << 32) | data.nFileSizeLow;
  info.links = data.nNumberOfLinks;
  info.mtime = FromFiletime(data.ftLastWriteTime);
  return info;
}

std::string FileSystem::ReadLink(const std::string& path) {
  throw Error(ExitCode::kFileSystem, "readlink", path, "symbolic links are not supported here");
}

std::string FileSystem::RealDirectory(const std::string& path) {
  wchar_t buffer[32768];
  DWORD n = GetFullPathNameW(Wide(path).c_str(), 32768, buffer, nullptr);
  if (n == 0 || n >= 32768) ThrowWindowsError(GetLastError(), "realpath", path);
  return Narrow(std::wstring(buffer, n));
}

std::string FileSystem::CurrentDirectory() {
  wchar_t buffer[32768];
  DWORD n = GetCurrentDirectoryW(32768, buffer);
  if (n == 0 || n >= 32768) ThrowWindowsError(GetLastError(), "getcwd", ".");
  return Narrow(std::wstring(buffer, n));
}

File FileSystem::CreateExclusive(const std::string& path, std::uint32_t) {
  HANDLE h = CreateFileW(Wide(path).c_str(), GENERIC_WRITE, 0, nullptr, CREATE_NEW,
                         FILE_ATTRIBUTE_NORMAL, nullptr);
  if (h == INVALID_HANDLE_VALUE) ThrowWindowsError(GetLastError(), "create", path);
  return File(reinterpret_cast<std::intptr_t>(h), path);
}

File FileSystem::OpenForReading(const std::string& path) {
  HANDLE h = CreateFileW(Wide(path).c_str(), GENERIC_READ,
                         FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr,
                         OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, nullptr);
  if (h == INVALID_HANDLE_VALUE) ThrowWindowsError(GetLastError(), "open", path);
  return File(reinterpret_cast<std::intptr_t>(h), path);
}

File FileSystem::OpenForReadingNoFollow(const std::string& path) {
  HANDLE h = CreateFileW(
      Wide(path).c_str(), GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
      nullptr, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL | FILE_FLAG_OPEN_REPARSE_POINT, nullptr);
  if (h == INVALID_HANDLE_VALUE) ThrowWindowsError(GetLastError(), "open", path);
  return File(reinterpret_cast<std::intptr_t>(h), path);
}

File FileSystem::OpenOrCreate(const std::string& path, bool* created) {
  HANDLE h = CreateFileW(Wide(path).c_str(), GENERIC_WRITE | FILE_APPEND_DATA,
                         FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr,
                         OPEN_ALWAYS, FILE_ATTRIBUTE_NORMAL, nullptr);
  if (h == INVALID_HANDLE_VALUE) ThrowWindowsError(GetLastError(), "open", path);
  if (created != nullptr) *created = GetLastError() != ERROR_ALREADY_EXISTS;
  return File(reinterpret_cast<std::intptr_t>(h), path);
}

std::size_t FileSystem::Read(File& file, void* buffer, std::size_t size) {
  DWORD n = 0;
  DWORD chunk = size > 0x40000000 ? 0x40000000 : static_cast<DWORD>(size);
  if (!ReadFile(Handle(file), buffer, chunk, &n, nullptr)) {
    ThrowWindowsError(GetLastError(), "read", file.path());
  }
  return n;
}

void FileSystem::Write(File& file, const void* data, std::size_t size) {
  const char* bytes = static_cast<const char*>(data);
  while (size > 0) {
    DWORD chunk = size > 0x40000000 ? 0x40000000 : static_cast<DWORD>(size);
    DWORD n = 0;
    if (!WriteFile(Handle(file), bytes, chunk, &n, nullptr)) {
      ThrowWindowsError(GetLastError(), "write", file.path());
    }
    bytes += n;
    size -= n;
  }
}

void FileSystem::Sync(File& file) {
  if (!FlushFileBuffers(Handle(file))) ThrowWindowsError(GetLastError(), "fsync", file.path());
}

void FileSystem::ChangeMode(File&, std::uint32_t) {}

void FileSystem::Close(File& file) {
  std::string path = file.path();
  if (!CloseHandle(reinterpret_cast<HANDLE>(file.Release()))) {
    ThrowWindowsError(GetLastError(), "close", path);
  }
}

void FileSystem::Rename(const std::string& from, const std::string& to) {
  // A reader or virus scanner holding `to` open makes the replace fail with a sharing error for a
  // short while; retry a bounded number of times.
  DWORD code = 0;
  for (int attempt = 0; attempt < 50; ++attempt) {
    if (MoveFileExW(Wide(from).c_str(), Wide(to).c_str(),
                    MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH)) {
      return;
    }
    code = GetLastError();
    if (code != ERROR_ACCESS_DENIED && code != ERROR_SHARING_VIOLATION) break;
    Sleep(20);
  }
  ThrowWindowsError(code, "rename", to);
}

bool FileSystem::Remove(const std::string& path) {
  if (DeleteFileW(Wide(path).c_str())) return true;
  DWORD code = GetLastError();
  if (code == ERROR_FILE_NOT_FOUND) return false;
  ThrowWindowsError(code, "remove", path);
}

bool FileSystem::RemoveTree(const std::string& path) {
  FileInfo info = Status(path);
  if (!info.exists) return false;
  if (!info.is_directory) return Remove(path);
  for (const std::string& name : ListDirectory(path)) RemoveTree(path + "\\" + name);
  if (!RemoveDirectoryW(Wide(path).c_str())) ThrowWindowsError(GetLastError(), "rmdir", path);
  return true;
}

bool FileSystem::MakeDirectory(const std::string& path) {
  if (CreateDirectoryW(Wide(path).c_str(), nullptr)) return true;
  DWORD code = GetLastError();
  if (code == ERROR_ALREADY_EXISTS && Status(path).is_directory) return false;
  ThrowWindowsError(code, "mkdir", path);
}

std::vector<std::string> FileSystem::ListDirectory(const std::string& path) {
  WIN32_FIND_DATAW data;
  HANDLE find = FindFirstFileW(Wide(path + "\\*").c_str(), &data);
  if (find == INVALID_HANDLE_VALUE) ThrowWindowsError(GetLastError(), "opendir", path);
  std::vector<std::string> names;
  do {
    std::string name = Narrow(data.cFileName);
    if (name != "." && name != "..") names.push_back(name);
  } while (FindNextFileW(find, &data));
  FindClose(find);
  return names;
}

void FileSystem::MakeSymlink(const std::string& target, const std::string& link) {
  DWORD flags = SYMBOLIC_LINK_FLAG_ALLOW_UNPRIVILEGED_CREATE;
  if (Status(target).is_directory) flags |= SYMBOLIC_LINK_FLAG_DIRECTORY;
  if (!CreateSymbolicLinkW(Wide(link).c_str(), Wide(target).c_str(), flags)) {
    ThrowWindowsError(GetLastError(), "symlink", link);
  }
}

void FileSystem::MakeHardLink(const std::string& existing, const std::string& link) {
  if (!CreateHardLinkW(Wide(link).c_str(), Wide(existing).c_str(), nullptr)) {
    ThrowWindowsError(GetLastError(), "link", link);
  }
}

void FileSystem::SetModificationTime(const std::string& path, FileTime mtime) {
  HANDLE h = CreateFileW(Wide(path).c_str(), FILE_WRITE_ATTRIBUTES,
                         FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr,
                         OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, nullptr);
  if (h == INVALID_HANDLE_VALUE) ThrowWindowsError(GetLastError(), "utimensat", path);
  File file(reinterpret_cast<std::intptr_t>(h), path);
  std::uint64_t ticks = static_cast<std::uint64_t>(mtime.seconds * 10000000 +
                                                   mtime.nanoseconds / 100 + 116444736000000000LL);
  FILETIME time{static_cast<DWORD>(ticks), static_cast<DWORD>(ticks >> 32)};
  if (!SetFileTime(h, nullptr, nullptr, &time))
    ThrowWindowsError(GetLastError(), "utimensat", path);
  Close(file);
}

void FileSystem::Touch(File& file) {
  FILETIME now;
  GetSystemTimeAsFileTime(&now);
  if (!SetFileTime(Handle(file), nullptr, nullptr, &now)) {
    ThrowWindowsError(GetLastError(), "touch", file.path());
  }
}

void FileSystem::SyncDirectory(const std::string&) {
  // NTFS metadata is journaled; MOVEFILE_WRITE_THROUGH already flushed the rename.
}

FileLock::FileLock(FileSystem& fs, std::string path) : fs_(&fs), path_(std::move(path)) {
  for (;;) {
    HANDLE h = CreateFileW(Wide(path_).c_str(), GENERIC_WRITE, 0, nullptr, OPEN_ALWAYS,
                           FILE_ATTRIBUTE_NORMAL | FILE_FLAG_DELETE_ON_CLOSE, nullptr);
    if (h != INVALID_HANDLE_VALUE) {
      file_ = File(reinterpret_cast<std::intptr_t>(h), path_);
      return;
    }
    DWORD code = GetLastError();
    if (code != ERROR_SHARING_VIOLATION && code != ERROR_ACCESS_DENIED) {
      ThrowWindowsError(code, "lock", path_);
    }
    if (InterruptSignal() != 0) throw Error(ExitCode::kFileSystem, "lock", path_, "interrupted");
    Sleep(10);
  }
}

FileLock::~FileLock() {
  if (file_.is_open()) CloseHandle(reinterpret_cast<HANDLE>(file_.Release()));
}

namespace {
volatile LONG g_interrupt_signal = 0;
BOOL WINAPI OnConsoleEvent(DWORD) {
  InterlockedCompareExchange(&g_interrupt_signal, 2, 0);
  return TRUE;  // the child in the same console receives the event itself
}
}  // namespace

void InstallInterruptHandlers() { SetConsoleCtrlHandler(OnConsoleEvent, TRUE); }

int InterruptSignal() { return static_cast<int>(g_interrupt_signal); }

ExitStatus RunProcess(const SpawnRequest& request) {
  std::wstring command_line;
  for (const std::string& arg : request.argv) {
    if (!command_line.empty()) command_line += L' ';
    std::wstring quoted = L"\"";
    std::size_t backslashes = 0;
    for (wchar_t c : Wide(arg)) {
      if (c == L'\\') {
        ++backslashes;
      } else if (c == L'"') {
        quoted.append(backslashes * 2 + 1, L'\\');
        backslashes = 0;
      } else {
        backslashes = 0;
      }
      quoted += c;
    }
    quoted.append(backslashes, L'\\');
    quoted += L'"';
    command_line += quoted;
  }
  STARTUPINFOW startup{};
  startup.cb = sizeof startup;
  File output;
  if (request.stdout_file != nullptr && request.stdout_file->is_open()) {
    // Not inheritable and opened without sharing: closed here, stdout_path is opened below.
    CloseHandle(reinterpret_cast<HANDLE>(request.stdout_file->Release()));
  }
  if (request.stdout_path) {
    SECURITY_ATTRIBUTES inherit{sizeof inherit, nullptr, TRUE};
    HANDLE h = CreateFileW(Wide(*request.stdout_path).c_str(), GENERIC_WRITE, FILE_SHARE_READ,
                           &inherit, TRUNCATE_EXISTING, FILE_ATTRIBUTE_NORMAL, nullptr);
    if (h == INVALID_HANDLE_VALUE) ThrowWindowsError(GetLastError(), "open", *request.stdout_path);
    output = File(reinterpret_cast<std::intptr_t>(h), *request.stdout_path);
    startup.dwFlags = STARTF_USESTDHANDLES;
    startup.hStdInput = GetStdHandle(STD_INPUT_HANDLE);
    startup.hStdOutput = h;
    startup.hStdError = GetStdHandle(STD_ERROR_HANDLE);
  }
  PROCESS_INFORMATION process{};
  std::wstring directory = request.directory ? Wide(*request.directory) : std::wstring();
  if (!CreateProcessW(nullptr, command_line.data(), nullptr, nullptr, TRUE, 0, nullptr,
                      request.directory ? directory.c_str() : nullptr, &startup, &process)) {
    throw Error(ExitCode::kGeneratorFailed, "run", request.argv.front(),
                fmt::format("cannot be started: error {}", GetLastError()));
  }
  CloseHandle(process.hThread);
  WaitForSingleObject(process.hProcess, INFINITE);
  DWORD code = 0;
  GetExitCodeProcess(process.hProcess, &code);
  CloseHandle(process.hProcess);
  ExitStatus result;
  result.code = static_cast<int>(code);
  return result;
}

bool ProcessExists(long pid) {
  HANDLE h = OpenProcess(SYNCHRONIZE, FALSE, static_cast<DWORD>(pid));
  if (h == nullptr) return GetLastError() != ERROR_INVALID_PARAMETER;
  DWORD wait = WaitForSingleObject(h, 0);
  CloseHandle(h);
  return wait == WAIT_TIMEOUT;
}

long CurrentProcessId() { return static_cast<long>(GetCurrentProcessId()); }

std::uint64_t CurrentUserId() { return 0; }

std::uint64_t CurrentGroupId() { return 0; }

IsolatedExit RunProcessIsolated(const SpawnRequest&, const std::vector<OverlayLayer>&) {
  return {false, "isolation: needs Linux namespaces", {}};
}

std::vector<std::string> FileSystem::ListAttributes(const std::string&) { return {}; }

void FileSystem::RemoveAttribute(const std::string&, const std::string&) {}

}  // namespace atomicgen

#endif  // _WIN32
