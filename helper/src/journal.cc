#include "journal.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <set>

#include "commit.h"
#include "error.h"

namespace atomicgen {

namespace {

constexpr const char* kHeader = "atomicgen journal 1\n";
// A journal names a handful of outputs; anything larger is not one of ours.
constexpr std::uint64_t kMaxJournalSize = std::uint64_t{1} << 20;

// internal: the reference to a journal left in another directory of its outputs.
std::string ReferencePathFor(const std::string& directory, const std::string& run_id) {
  return JoinPath(directory, fmt::format(".atomicgen-{}.ref", run_id));
}

// internal: the directories of `journal`'s outputs other than the journal's own.
std::vector<std::string> OtherDirectories(const Journal& journal) {
  std::vector<std::string> directories;
  for (const JournalEntry& entry : journal.entries) {
    std::string directory = DirectoryOf(entry.target);
    if (directory == DirectoryOf(journal.path)) continue;
    if (std::find(directories.begin(), directories.end(), directory) != directories.end()) continue;
    directories.push_back(directory);
  }
  return directories;
}

std::string Serialize(const Journal& journal) {
  std::string text = kHeader;
  text += fmt::format("run {}\n", journal.run_id);
  for (const JournalEntry& entry : journal.entries) {
    text += fmt::format("entry {} {} {} {} {}\n{}\n", entry.device, entry.old_inode,
                        entry.backup_inode, entry.new_inode, entry.target.size(), entry.target);
  }
  text += "end\n";
  return text;
}

// internal: reads a journal's text; nullopt for anything that is not well formed.
class Parser {
 public:
  explicit Parser(const std::string& text) : text_(text) {}

  bool Literal(const std::string& expected) {
    if (text_.compare(at_, expected.size(), expected) != 0) return false;
    at_ += expected.size();
    return true;
  }
  // A decimal number followed by `end` (' ' or '\n').
  bool Number(std::uint64_t* value, char end) {
    std::size_t start = at_;
    *value = 0;
    while (at_ < text_.size() && text_[at_] >= '0' && text_[at_] <= '9' && at_ - start < 20) {
      *value = *value * 10 + static_cast<std::uint64_t>(text_[at_] - '0');
      ++at_;
    }
    return at_ > start && Literal(std::string(1, end));
  }
  bool Bytes(std::size_t size, std::string* value) {
    if (text_.size() - at_ < size) return false;
    *value = text_.substr(at_, size);
    at_ += size;
    return true;
  }
  bool Word(std::string* value) {  // up to the end of the line
    std::size_t newline = text_.find('\n', at_);
    if (newline == std::string::npos) return false;
    *value = text_.substr(at_, newline - at_);
    at_ = newline + 1;
    return true;
  }
  bool AtEnd() const { return at_ == text_.size(); }

 private:
  const std::string& text_;
  std::size_t at_ = 0;
};

std::optional<Journal> Parse(const std::string& text) {
  Parser parser(text);
  Journal journal;
  if (!parser.Literal(kHeader) || !parser.Literal("run ") || !parser.Word(&journal.run_id)) {
    return std::nullopt;
  }
  while (parser.Literal("entry ")) {
    JournalEntry entry;
    std::uint64_t size = 0;
    if (!parser.Number(&entry.device, ' ') || !parser.Number(&entry.old_inode, ' ') ||
        !parser.Number(&entry.backup_inode, ' ') || !parser.Number(&entry.new_inode, ' ') ||
        !parser.Number(&size, '\n') || !parser.Bytes(size, &entry.target) ||
        !parser.Literal("\n")) {
      return std::nullopt;
    }
    journal.entries.push_back(std::move(entry));
  }
  if (!parser.Literal("end\n") || !parser.AtEnd() || journal.entries.empty()) return std::nullopt;
  return journal;
}

// internal: writes a new file of ours (owner-only permissions) with `text`.
void WriteRecord(FileSystem& fs, const std::string& path, const std::string& text, bool fsync) {
  File file = fs.CreateExclusive(path, 0600);
  fs.Write(file, text.data(), text.size());
  if (fsync) fs.Sync(file);
  fs.Close(file);
}

// internal: the content of a file the helper wrote itself; nullopt when it is not one: a symbolic
// link, not a regular file, another user's, hard-linked elsewhere, or too large.
std::optional<std::string> ReadOwnRecord(FileSystem& fs, const std::string& path) {
  try {
    File file = fs.OpenForReadingNoFollow(path);
    FileInfo info = fs.Status(file);
    if (!info.is_regular || info.owner != CurrentUserId() || info.links != 1 ||
        info.size > kMaxJournalSize) {
      return std::nullopt;
    }
    std::string text;
    char buffer[4096];
    while (std::size_t n = fs.Read(file, buffer, sizeof buffer)) {
      text.append(buffer, n);
      if (text.size() > kMaxJournalSize) return std::nullopt;
    }
    return text;
  } catch (const Error&) {
    return std::nullopt;  // gone meanwhile, or unreadable: not something to act on
  }
}

bool IsAbsolute(const std::string& path) {
  return (!path.empty() && path[0] == '/') ||
         (path.size() > 2 && path[1] == ':' && (path[2] == '\\' || path[2] == '/'));
}

// internal: the journal at `path` if it is the helper's own and could have been written by the
// run its name says; nullopt otherwise.
std::optional<Journal> ReadJournal(FileSystem& fs, const std::string& path) {
  const HelperFileName name = ParseHelperFileName(BaseNameOf(path));
  if (name.kind != "journal") return std::nullopt;
  std::optional<std::string> text = ReadOwnRecord(fs, path);
  if (!text) return std::nullopt;
  std::optional<Journal> journal = Parse(*text);
  if (!journal || journal->run_id != name.run_id) return std::nullopt;
  if (JournalPathFor(journal->entries.front().target, journal->run_id) != path) {
    return std::nullopt;
  }
  std::set<std::string> targets;
  for (const JournalEntry& entry : journal->entries) {
    // A run holds the lock of every output it journals and dies holding them: an output without
    // its lock file was not one of its outputs.
    if (!IsAbsolute(entry.target) || !targets.insert(entry.target).second ||
        (entry.old_inode == 0 && entry.backup_inode != 0) ||
        !fs.LinkStatus(LockPathFor(entry.target)).is_regular) {
      return std::nullopt;
    }
  }
  journal->path = path;
  return journal;
}

// internal: renames the backup of `entry` over its output, after checking that it is the file the
// journal names.
void RestoreBackup(FileSystem& fs, const Journal& journal, const JournalEntry& entry) {
  const std::string backup = BackupPathFor(entry.target, journal.run_id);
  FileInfo info = fs.LinkStatus(backup);
  if (!info.exists || !info.is_regular || info.device != entry.device ||
      info.inode != entry.backup_inode) {
    throw Error(ExitCode::kFileSystem, "recover", entry.target,
                fmt::format("the backup of an interrupted commit ({}) is missing or not the "
                            "helper's; this output left as it is",
                            backup));
  }
  fs.Rename(backup, entry.target);
}

}  // namespace

std::string JournalPathFor(const std::string& first_target, const std::string& run_id) {
  return JoinPath(DirectoryOf(first_target), fmt::format(".{}.atomicgen-{}.journal",
                                                         StemOf(BaseNameOf(first_target)), run_id));
}

void StartCommit(FileSystem& fs, Journal& journal, bool fsync) {
  journal.path = JournalPathFor(journal.entries.front().target, journal.run_id);
  const std::string temporary = TemporaryPathFor(journal.path, journal.run_id);
  std::vector<std::string> written{temporary};
  try {
    WriteRecord(fs, temporary, Serialize(journal), fsync);
    for (const std::string& directory : OtherDirectories(journal)) {
      written.push_back(ReferencePathFor(directory, journal.run_id));
      WriteRecord(fs, written.back(), journal.path, fsync);
    }
    fs.Rename(temporary, journal.path);
    if (fsync) fs.SyncDirectory(DirectoryOf(journal.path));
  } catch (...) {
    for (const std::string& path : written) {
      try {
        fs.Remove(path);
      } catch (...) {
        NoteLeftBehind();
      }
    }
    throw;
  }
}

void FinishCommit(FileSystem& fs, const Journal& journal) {
  try {
    fs.Remove(journal.path);  // the commit point
  } catch (...) {
    NoteLeftBehind();  // the lock files stay, so the next run on these outputs finds the journal
    throw;
  }
  for (const JournalEntry& entry : journal.entries) {
    if (entry.backup_inode == 0) continue;
    const std::string backup = BackupPathFor(entry.target, journal.run_id);
    try {
      FileInfo info = fs.LinkStatus(backup);
      if (info.exists && info.is_regular && info.inode == entry.backup_inode) fs.Remove(backup);
    } catch (...) {
      NoteLeftBehind();
    }
  }
  for (const std::string& directory : OtherDirectories(journal)) {
    try {
      fs.Remove(ReferencePathFor(directory, journal.run_id));
    } catch (...) {
      NoteLeftBehind();
    }
  }
}

namespace {

// internal: RollBack without its end: each output back as it was before the commit.
void PutBack(FileSystem& fs, const Journal& journal) {
  for (const JournalEntry& entry : journal.entries) {
    FileInfo current = fs.LinkStatus(entry.target);
    const bool written_in_place = entry.new_inode == 0;
    if (!written_in_place) {
      // Only the file this run put there is taken back: an output never renamed is still old.
      bool is_new =
          current.exists && current.device == entry.device && current.inode == entry.new_inode;
      if (!is_new) continue;
    }
    if (entry.old_inode == 0) {
      if (current.exists && current.is_regular) fs.Remove(entry.target);
      continue;
    }
    // In place, a backup already put back is gone: nothing left to do for this output.
    if (written_in_place && !fs.LinkStatus(BackupPathFor(entry.target, journal.run_id)).exists) {
      continue;
    }
    RestoreBackup(fs, journal, entry);
  }
}

}  // namespace

void RollBack(FileSystem& fs, const Journal& journal) {
  try {
    PutBack(fs, journal);
  } catch (...) {
    NoteLeftBehind();  // the lock files stay, so the next run on these outputs finishes this
    throw;
  }
  FinishCommit(fs, journal);
}

void RecoverInterruptedCommit(FileSystem& fs, const Journal& journal) {
  bool all_renamed = true;
  for (const JournalEntry& entry : journal.entries) {
    FileInfo current = fs.LinkStatus(entry.target);
    all_renamed &= entry.new_inode != 0 && current.exists && current.device == entry.device &&
                   current.inode == entry.new_inode;
  }
  if (all_renamed) {
    FinishCommit(fs, journal);  // the dead run got as far as its last rename: the new set stays
  } else {
    RollBack(fs, journal);
  }
}

std::vector<Journal> FindInterruptedCommits(FileSystem& fs,
                                            const std::vector<std::string>& directories) {
  std::set<std::string> candidates;
  for (const std::string& directory : directories) {
    std::vector<std::string> names;
    try {
      names = fs.ListDirectory(directory);
    } catch (const Error&) {
      continue;  // a directory we cannot list holds nothing we could recover either
    }
    for (const std::string& name : names) {
      HelperFileName file = ParseHelperFileName(name);
      if (file.pid == 0 || ProcessExists(file.pid)) continue;
      if (file.kind == "journal") candidates.insert(JoinPath(directory, name));
      if (file.kind != "ref") continue;
      std::optional<std::string> journal_path = ReadOwnRecord(fs, JoinPath(directory, name));
      if (journal_path && ParseHelperFileName(BaseNameOf(*journal_path)).run_id == file.run_id) {
        candidates.insert(*journal_path);
      }
    }
  }
  std::vector<Journal> journals;
  for (const std::string& path : candidates) {
    if (std::optional<Journal> journal = ReadJournal(fs, path)) journals.push_back(*journal);
  }
  return journals;
}

}  // namespace atomicgen
