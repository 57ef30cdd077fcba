"""The team's shared folder: its description, the base study, members and their files.

A changeset file is one line of JSON (the header: who, which number, the schema step it
was written at, the files its writer had applied, when each change was made) followed by
the changeset's bytes. Only names `<number>.changeset` are read: the copies sync tools
make of a file changed in two places (`3.sync-conflict-20260101-120000-ABC.changeset`,
`3 (1).changeset`) and files being written (`.3.changeset.tmp`) never are.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from desktop.core.errors import YanduError

FORMAT = 1
TEAM_FILE = "team.json"
BASE_FILE = "base.sqlite"
MEMBER_FILE = "member.json"
_CHANGESET = re.compile(r"^([0-9]{1,12})\.changeset$")
_BAD_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


class TeamError(YanduError):
    """A team operation that cannot be done; the message says why in one line."""


@dataclass(frozen=True)
class Header:
    """What a changeset file says about itself."""

    user: str
    seq: int
    schema: str
    made_at: str
    after: dict[str, int] = field(default_factory=dict)  # files its writer had applied
    stamps: dict[str, dict[str, str]] = field(default_factory=dict)  # table -> key -> at
    changes: int = 0
    sha256: str = ""  # of the changeset: a file not whole yet is told from a whole one

    def to_json(self) -> str:
        return json.dumps({"yandu_changeset": FORMAT, "user": self.user, "seq": self.seq,
                           "schema": self.schema, "made_at": self.made_at,
                           "after": self.after, "changes": self.changes,
                           "sha256": self.sha256,
                           "stamps": self.stamps}, ensure_ascii=False,
                          separators=(",", ":"))


def check_user_name(name: str) -> str:
    """A member's name as given, if it can name a folder on every system."""
    name = name.strip()
    if not name or name.startswith(".") or _BAD_NAME.search(name) or len(name) > 64:
        raise TeamError(f"{name!r} cannot be a member's name: use letters, digits, "
                        "spaces, '-' or '_' (at most 64), not starting with '.'.")
    return name


def read_team(folder: Path) -> dict:
    """The team's description in FOLDER, or a TeamError saying the folder holds none."""
    try:
        team = json.loads((folder / TEAM_FILE).read_text("utf-8"))
    except FileNotFoundError:
        raise TeamError(f"{folder} holds no team (no {TEAM_FILE}); make one with "
                        "`yandu team create`.") from None
    except (OSError, ValueError) as exc:
        raise TeamError(f"Cannot read {folder / TEAM_FILE}: {exc}.") from exc
    if not isinstance(team, dict) or team.get("format") != FORMAT:
        raise TeamError(f"{folder / TEAM_FILE} was written by another version of Yandu.")
    return team


def write_json(path: Path, value: dict) -> None:
    """Write a small JSON file whole (a partial one is never seen under its name)."""
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(json.dumps(value, ensure_ascii=False, indent=2) + "\n", "utf-8")
    os.replace(tmp, path)


def members(folder: Path) -> dict[str, dict]:
    """Each member of the team (by name) and what its member.json says."""
    found: dict[str, dict] = {}
    if not folder.is_dir():
        return found
    for sub in sorted(folder.iterdir()):
        try:
            member = json.loads((sub / MEMBER_FILE).read_text("utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(member, dict) and member.get("user") == sub.name:
            found[sub.name] = member
    return found


def choose_block(folder: Path, user: str) -> int:
    """A range of ids for a new member: from its name, else the next one no member has."""
    from db import ids

    taken = {int(m.get("id_base", 0)) // ids.BLOCK for m in members(folder).values()}
    count = ids.TAG_BASE // ids.BLOCK - 1
    block = int.from_bytes(hashlib.sha256(user.encode("utf-8")).digest()[:4], "big")
    block = block % count + 1
    while block in taken:
        block = block % count + 1
    return block * ids.BLOCK


def numbered_files(member_folder: Path) -> dict[int, Path]:
    """A member's changeset files by number (anything else in the folder is ignored)."""
    found: dict[int, Path] = {}
    try:
        entries = list(member_folder.iterdir())
    except OSError:
        return found
    for path in entries:
        m = _CHANGESET.match(path.name)
        if m and path.is_file():
            found[int(m.group(1))] = path
    return found


def read_changeset(path: Path) -> tuple[Header, bytes] | None:
    """A file's header and changeset, or None when it is not whole (still arriving)."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    line, sep, body = data.partition(b"\n")
    if not sep:
        return None
    try:
        head = json.loads(line.decode("utf-8"))
        header = Header(user=str(head["user"]), seq=int(head["seq"]),
                        schema=str(head["schema"]), made_at=str(head["made_at"]),
                        after={str(k): int(v) for k, v in head.get("after", {}).items()},
                        stamps=head.get("stamps", {}), changes=int(head.get("changes", 0)),
                        sha256=str(head.get("sha256", "")))
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        return None
    if hashlib.sha256(body).hexdigest() != header.sha256:
        return None  # still arriving (or damaged on the way): not read until it is whole
    return header, body


def write_changeset(member_folder: Path, header: Header, changeset: bytes) -> Path:
    """Write a numbered file whole: under a hidden name first, then renamed."""
    member_folder.mkdir(parents=True, exist_ok=True)
    header = dataclasses.replace(header, sha256=hashlib.sha256(changeset).hexdigest())
    path = member_folder / f"{header.seq}.changeset"
    tmp = member_folder / f".{header.seq}.changeset.tmp"
    with open(tmp, "wb") as out:
        out.write(header.to_json().encode("utf-8") + b"\n" + changeset)
        out.flush()
        os.fsync(out.fileno())
    os.replace(tmp, path)
    return path


def activity(folder: Path, me: str) -> tuple:
    """What the other members have written, cheaply (names and numbers of their files):
    a window compares it between two looks to sync when new files arrive."""
    seen = []
    try:
        subs = sorted(p for p in folder.iterdir() if p.is_dir() and p.name != me)
    except OSError:
        return ()
    for sub in subs:
        numbers = numbered_files(sub)
        seen.append((sub.name, max(numbers, default=0), len(numbers)))
    return tuple(seen)
