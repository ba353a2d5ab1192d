"""LaTeX citation scanner: draft text → DraftScan.

Input: the text of one .tex file and the path to name in findings.
Output: a DraftScan: the keys cited (natbib, biblatex and plain LaTeX commands)
with 1-based line and column of each key in the original text, pinpoints,
bibliography files, included files, \\date, suppression comments, and
parse-error diagnostics for arguments left open.
Never: read the included files (the caller does), raise on malformed input,
or touch a file.

The scan works on a *masked* copy of the text in which comments, verbatim-like
environments, \\verb and \\iffalse blocks are blanked out character for
character (newlines kept), so every offset in the masked text is an offset in
the original.
"""

from __future__ import annotations

import re
from types import MappingProxyType

from relbib.check.fields import normalize_pinpoint, parse_human_date
from relbib.check.latex_paths import path_macros as _path_macros
from relbib.check.latex_paths import unwrapped_path as _unwrapped_path
from relbib.check.positions import Positions
from relbib.check.records import Backend, DataModel, DraftCitation, DraftScan, Include
from relbib.diagnostics import SUPPRESSION, diagnostic, suppressed_codes
from relbib.model import Diagnostic

# --- what to blank out --------------------------------------------------------

# Environments whose body LaTeX does not read as commands.
_VERBATIM_ENVS = (r"verbatim\*?|Verbatim\*?|BVerbatim\*?|LVerbatim\*?|lstlisting|minted"
                  r"|comment|filecontents\*?|spverbatim|pyglist|tcblisting")
_MASK = re.compile(
    # every branch opens with a literal "\\" or "%", so the engine skips to those
    # two characters in C (a group around the "%" hides it and makes the search
    # try every branch at every offset: 8x slower on a 1,000-citation draft)
    r"\\(?:"
    # "\\" (a line break) and "\%" (a literal percent sign) are not comments
    r"(?P<escaped>[\\%])"
    r"|(?P<verbenv>begin\s*\{(?P<env>" + _VERBATIM_ENVS + r")\})"
    # \verb|x|, \verb*|x|, \lstinline|x| and \lstinline[opts]{x}
    r"|(?P<verb>(?:verb\*?|lstinline|mintinline\{[\w+#.-]*\})(?![A-Za-z@]))"
    r"|(?P<iffalse>iffalse(?![A-Za-z@]))"
    r")"
    r"|%"  # a comment: the one match with no named group
)
# Inside \iffalse: every \if... opens a level, \fi closes one, and an \else at
# the outer level ends the dead branch.
_CONDITIONAL = re.compile(r"\\(?P<word>if[A-Za-z@]*|fi|else)(?![A-Za-z@])")

# --- commands -----------------------------------------------------------------

# One control word; the star that follows belongs to it.
_COMMAND = re.compile(r"\\(?P<name>[A-Za-z]+)(?P<star>\*?)")

# natbib, biblatex and common packages (apacite, harvard, jurabib) whose
# arguments are [pre][post]{keys}.
_CITE_WORDS = frozenset("""
    cite citep citet citealp citealt citeauthor citeyear citeyearpar citenum citefullauthor
    Cite Citep Citet Citealp Citealt Citeauthor Citeyear Citeyearpar Citefullauthor
    parencite Parencite footcite Footcite footcitetext textcite Textcite autocite Autocite
    smartcite Smartcite supercite fullcite footfullcite citetitle Citetitle citedate citeurl
    citeA citeNP citeANP citeyearNP citeauthoryear shortcite shortciteNP citeasnoun possessivecite
    nocite
""".split())
# biblatex multicite commands: (pre)(post) then repeated [pre][post]{keys}.
_MULTI_WORDS = frozenset("""
    cites Cites parencites Parencites footcites footcitetexts smartcites Smartcites
    textcites Textcites supercites autocites Autocites
""".split())
# \volcite[pre]{volume}[pages]{key} and its variants.
_VOLCITE_WORDS = frozenset("""
    volcite Volcite pvolcite Pvolcite fvolcite ftvolcite svolcite Svolcite tvolcite Tvolcite
    avolcite Avolcite
""".split())
# Commands whose first argument is a key though they do not print a citation label.
_FIRST_ARG_KEY = frozenset({"citename", "citefield", "citelist", "citeurldate"})
# Words that contain "cite" but take no keys.
_NOT_KEYS = frozenset({"citetext", "Citetext", "citestyle", "citesetup", "citereset", "citeindextrue",
                       "citeindexfalse", "bibcite", "citation", "citenumfont", "citepunct"})
# commands that define the command after them (LaTeX, xparse, TeX primitives)
_DEFINERS = frozenset({"newcommand", "renewcommand", "providecommand", "DeclareRobustCommand",
                       "NewDocumentCommand", "RenewDocumentCommand", "ProvideDocumentCommand",
                       "DeclareDocumentCommand", "def", "gdef", "edef", "xdef", "let"})
_SPACE_RUN = re.compile(r"[ \t]*\{?[ \t]*")
_GENERIC_CITE = re.compile(r"^(?:[Cc]ite[A-Za-z]*|[a-z]*cite)$")

_BIB_WORDS = {"bibliography": "bibtex", "addbibresource": "biblatex",
              "addglobalbib": "biblatex", "addsectionbib": "biblatex"}
_INCLUDE_ONE = frozenset({"input", "include", "subfile", "subfileinclude", "InputIfFileExists"})
_INCLUDE_TWO = frozenset({"import", "subimport", "inputfrom", "includefrom",
                          "subinputfrom", "subincludefrom"})
_BIBLATEX_PACKAGE = re.compile(
    r"\\usepackage\s*(?:\[(?P<options>[^\]]*)\])?\s*\{[^}]*\bbiblatex\b[^}]*\}")
# biblatex's backend option; biber is its default
_BIBTEX_BACKEND = re.compile(r"\bbackend\s*=\s*bibtex")


class _Unclosed(Exception):
    """An argument opened and never closed: reported, then the scan goes on."""

    def __init__(self, offset: int, opener: str) -> None:
        super().__init__(opener)
        self.offset = offset
        self.opener = opener


def _mask(text: str) -> tuple[str, dict[int, frozenset[str]], list[tuple[int, str]]]:
    """The text with comments and verbatim blanked; suppressions; unclosed regions."""
    pieces: list[str] = []
    suppress: dict[int, frozenset[str]] = {}
    problems: list[tuple[int, str]] = []
    cursor = 0
    pos = 0
    n = len(text)
    line, counted = 1, 0  # the line number at offset ``counted``, kept as the scan moves on
    line_end = -1  # the end of the line the last \verb was on: found once per line
    while True:
        m = _MASK.search(text, pos)
        if m is None:
            break
        kind = {None: "comment", "env": "verbenv"}.get(m.lastgroup, m.lastgroup)
        if kind == "escaped":
            pos = m.end()
            continue
        start = m.start()
        if kind == "comment":
            end = text.find("\n", start)
            end = n if end < 0 else end
            s = SUPPRESSION.search(text, start, end)
            if s:
                line, counted = line + text.count("\n", counted, start), start
                suppress[line] = suppressed_codes(s)
        elif kind == "verbenv":
            env = m.group("env")
            close = re.compile(r"\\end\s*\{" + re.escape(env) + r"\}").search(text, m.end())
            if close is None:
                problems.append((start, f"\\begin{{{env}}}"))
                end = n
            else:
                end = close.start()
            start = m.end()
        elif kind == "verb":
            start = m.end()
            if start < n and text[start] == "[":  # \lstinline[style=x]|...|
                close_opt = text.find("]", start)
                start = close_opt + 1 if close_opt >= 0 else start
            if start >= n:
                break
            delim = text[start]
            closer = "}" if delim == "{" else delim
            if line_end <= start:
                line_end = text.find("\n", start + 1)
                line_end = n if line_end < 0 else line_end
            close_at = text.find(closer, start + 1, line_end)
            end = line_end if close_at < 0 else close_at + 1
        else:  # iffalse
            depth = 0
            end = n
            for c in _CONDITIONAL.finditer(text, m.end()):
                word = c.group("word")
                if word == "fi":
                    if depth == 0:
                        end = c.end()
                        break
                    depth -= 1
                elif word == "else":
                    if depth == 0:
                        end = c.end()
                        break
                else:
                    depth += 1
        pieces.append(text[cursor:start])
        pieces.append(re.sub(r"[^\n]", " ", text[start:end]))
        cursor = end
        pos = max(end, m.end())
    pieces.append(text[cursor:])
    return "".join(pieces), suppress, problems


def _skip_space(text: str, i: int) -> int:
    """Skip blanks and one newline: a blank line ends a command's arguments."""
    if i < len(text) and text[i] not in " \t\r\n":
        return i  # the common case: the argument follows the command at once
    n = len(text)
    newlines = 0
    while i < n and text[i] in " \t\r\n":
        if text[i] == "\n":
            newlines += 1
            if newlines > 1:
                return i
        i += 1
    return i


def _paragraph_break(text: str, j: int) -> bool:
    """True when the newline at ``j`` is followed by a blank line."""
    k = j + 1
    while k < len(text) and text[k] in " \t\r":
        k += 1
    return k < len(text) and text[k] == "\n"


class _Masked(str):
    """The masked text with, built once, the closer of every group opener in it.

    ``_group`` used to walk the text from each opener; an opener left unclosed
    (``\\cite[`` repeated) made every walk run to the paragraph's end, so the
    scan was quadratic.  One pass with a stack per brace level finds every
    closer, and ``_group`` looks it up.
    """

    __slots__ = ("_closers",)

    def __init__(self, text: str) -> None:
        super().__init__()
        self._closers: dict[str, dict[int, int]] | None = None

    def closer(self, i: int, opener: str) -> int | None:
        """Where the group opened at ``i`` closes; -1 when it never does; None when
        ``i`` is not an opener the pass saw (the caller walks the text itself)."""
        if self._closers is None:
            self._closers = _match_groups(self)
        return self._closers[opener].get(i)


_PAIRS = {"{": "}", "[": "]", "(": ")", "<": ">"}
_CLOSING = {v: k for k, v in _PAIRS.items() if k != "{"}
# what _match_groups looks at: a backslash with the character it hides (a
# newline too), the group characters, and newlines (a paragraph break)
_GROUP_CHARS = re.compile(r"\\.|[{}\[\]()<>\n]", re.DOTALL)
_SPACE = re.compile(r"\s")  # in a key: one C search, not a loop per character


def _match_groups(text: str) -> dict[str, dict[int, int]]:
    """opener → {offset of opener: offset of its closer, or -1 when unclosed}.

    Braces nest; the bracket pairs ``[]``, ``()`` and ``<>`` are matched among
    the characters outside any nested brace group, a group ends at the ``}``
    that closes the brace group around it or at a paragraph break, and a
    backslash hides the character after it: the rules ``_group`` walks by.
    """
    found: dict[str, dict[int, int]] = {k: {} for k in _PAIRS}
    # one frame per open brace: (offset of the "{", open brackets by opener,
    # a list made only when a bracket opens: most groups hold none)
    frames: list[tuple[int, dict[str, list[int]]]] = [(-1, {})]

    def close_frame(frame: tuple[int, dict[str, list[int]]], at: int) -> None:
        if frame[0] >= 0:
            found["{"][frame[0]] = at  # -1 at a paragraph break or the end
        for opener, stack in frame[1].items():
            for k in stack:
                found[opener][k] = -1

    # the search jumps from one group character to the next: prose between
    # them costs no Python step (a 1,000-citation draft is 60,000 characters)
    for m in _GROUP_CHARS.finditer(text):
        j = m.start()
        ch = text[j]
        if ch == "\\":
            continue  # a backslash hides the character after it
        if ch == "{":
            frames.append((j, {}))
        elif ch == "}":  # a stray "}" ends the brackets open at the top level
            close_frame(frames.pop(), j)
            if not frames:
                frames.append((-1, {}))
        elif ch in _PAIRS:
            frames[-1][1].setdefault(ch, []).append(j)
        elif ch in _CLOSING:
            stack = frames[-1][1].get(_CLOSING[ch])
            if stack:
                found[_CLOSING[ch]][stack.pop()] = j
        elif ch == "\n" and _paragraph_break(text, j):
            while frames:
                close_frame(frames.pop(), -1)
            frames.append((-1, {}))
    while frames:
        close_frame(frames.pop(), -1)
    return found


def _group(text: str, i: int, opener: str, closer: str) -> tuple[int, int]:
    """The span of the body of a balanced group starting at ``text[i] == opener``."""
    if isinstance(text, _Masked):
        close = text.closer(i, opener)
        if close is not None:
            if close < 0:
                raise _Unclosed(i, opener)
            return i + 1, close
    depth = 0
    braces = 0
    j = i
    n = len(text)
    while j < n:
        ch = text[j]
        if ch == "\\":
            j += 2
            continue
        if ch == "{" and opener != "{":
            braces += 1
        elif ch == "}" and opener != "{":
            braces -= 1
        elif ch == opener and braces <= 0:
            depth += 1
        elif ch == closer and braces <= 0:
            depth -= 1
            if depth == 0:
                return i + 1, j
        if ch == "\n" and _paragraph_break(text, j):
            break  # a paragraph break inside an argument: LaTeX says "Runaway argument"
        j += 1
    raise _Unclosed(i, opener)


def _optionals(text: str, i: int, opener: str = "[", closer: str = "]") -> tuple[list[str], int]:
    """Consecutive optional arguments ``[a][b]`` (or ``(a)(b)``) starting at ``i``."""
    args: list[str] = []
    while True:
        j = _skip_space(text, i)
        if j < len(text) and text[j] == opener:
            a, b = _group(text, j, opener, closer)
            args.append(text[a:b])
            i = b + 1
        else:
            return args, i


def _braced(text: str, i: int) -> tuple[int, int] | None:
    """The span of the body of the ``{...}`` argument after the blanks at ``i``;
    None when no brace follows."""
    j = _skip_space(text, i)
    if j >= len(text) or text[j] != "{":
        return None
    return _group(text, j, "{", "}")


def _notes(args: list[str]) -> tuple[str | None, str | None]:
    """(prenote, postnote) from natbib/biblatex optional arguments."""
    if len(args) >= 2:
        return args[0].strip() or None, args[1].strip() or None
    if len(args) == 1:
        return None, args[0].strip() or None
    return None, None


class _LatexScanner:
    def __init__(self, text: str, path: str) -> None:
        self.text = text
        self.path = path
        masked, self.suppress, unclosed = _mask(text)
        self.masked = _Masked(masked)
        self.where = Positions(text)
        self.citations: list[DraftCitation] = []
        self.bibliographies: list[str] = []
        self.includes: list[Include] = []
        self.diagnostics: list[Diagnostic] = []
        self.nocite_all = False
        self.date: str | None = None
        self.model: DataModel | None = None
        self.bibitems: set[str] = set()  # the keys of a thebibliography the file holds
        self.spaced: list[DraftCitation] = []  # keys with a space (valid only as \bibitem keys)
        # parameterless macros that name a folder or file (\def\PATH{.}), by name
        self.macros = _path_macros(masked) if "def" in masked or "command" in masked else {}
        for offset, opener in unclosed:
            self._unclosed(offset, opener, f"{opener} is never closed by its \\end")

    def _unclosed(self, offset: int, opener: str, message: str) -> None:
        line, column = self.where(offset)
        self.diagnostics.append(diagnostic(
            "parse-error", message, path=self.path, line=line, column=column,
            suggestion=f"close the {opener!r}; LaTeX stops reading the argument at a blank line"))

    def scan(self) -> DraftScan:
        masked = self.masked
        pos = 0
        while True:
            m = _COMMAND.search(masked, pos)
            if m is None:
                break
            pos = m.end()
            name = m.group("name")
            command = "\\" + name + m.group("star")
            if name in _DEFINERS:  # "\NewDocumentCommand\citeproc{mm}{…}": a definition,
                # not a use, of the command that follows
                named = _COMMAND.match(masked, _SPACE_RUN.match(masked, pos).end())  # type: ignore[union-attr]
                pos = named.end() if named is not None else pos
                continue
            try:
                pos = self._command(name, command, m.start(), m.end())
            except _Unclosed as err:
                line, column = self.where(m.start())
                self.diagnostics.append(diagnostic(
                    "parse-error",
                    f"{command} opens {err.opener!r} that is never closed",
                    path=self.path, line=line, column=column,
                    suggestion=f"add the closing {_PAIRS[err.opener]!r}"))
                pos = m.end()
        backend: Backend | None = None if self.model is None else (
            "bibtex" if self.model == "bibtex" else "biber")
        package = _BIBLATEX_PACKAGE.search(masked)
        if package is not None:
            self.model = "biblatex"
            backend = "bibtex" if _BIBTEX_BACKEND.search(package.group("options") or "") \
                else "biber"
        if self.bibitems:  # LaTeX reads "\cite{QUBIC II}" against "\bibitem{QUBIC II}" as it is
            self.diagnostics = [d for d in self.diagnostics
                                if not (d.message.endswith("contains white space")
                                        and d.keys and d.keys[0] in self.bibitems)]
            self.citations.extend(c for c in self.spaced if c.key in self.bibitems)
            self.citations.sort(key=lambda c: (c.line, c.column))
        return DraftScan(
            path=self.path,
            defined_keys=frozenset(self.bibitems),
            citations=tuple(self.citations),
            bibliographies=tuple(self.bibliographies),
            includes=tuple(self.includes),
            nocite_all=self.nocite_all,
            date=self.date,
            suppressions=MappingProxyType(dict(self.suppress)),
            diagnostics=tuple(self.diagnostics),
            data_model=self.model,
            backend=backend,
        )

    # -- one command ------------------------------------------------------------

    def _command(self, name: str, command: str, start: int, end: int) -> int:
        if name in _MULTI_WORDS:
            return self._multicite(command, end)
        if name in _VOLCITE_WORDS:
            return self._volcite(command, end)
        if name in _FIRST_ARG_KEY:
            return self._keys_command(command, end, first_only=True)
        if name in _CITE_WORDS or (
                name not in _NOT_KEYS and _GENERIC_CITE.match(name)
                and not name.startswith(("bib", "Declare", "new", "renew", "provide"))):
            return self._keys_command(command, end)
        if name in _BIB_WORDS:
            return self._bibliography(name, end)
        if name in _INCLUDE_ONE or name in _INCLUDE_TWO:
            return self._include(name, command, start, end)
        if name == "bibitem":  # thebibliography's own entries: \bibitem[label]{key}
            _, i = _optionals(self.masked, end)
            span = _braced(self.masked, i)
            if span is not None:
                self.bibitems.add(self.masked[span[0]:span[1]].strip())
                return span[1] + 1
            return end
        if name == "date" and self.date is None:
            span = _braced(self.masked, end)
            if span is not None:
                a, b = span
                self.date = parse_human_date(self.masked[a:b])
                return b + 1
        return end

    def _keys_command(self, command: str, end: int, *, first_only: bool = False) -> int:
        # apacite's <pre> comes before the [post]
        angle, i = _optionals(self.masked, end, "<", ">")
        k, after = self._keys_argument(command, i, angle[0].strip() if angle else "",
                                       nocite=command.startswith("\\nocite"),
                                       first_only=first_only)
        return k if after is None else after

    def _multicite(self, command: str, end: int) -> int:
        _, i = _optionals(self.masked, end, "(", ")")  # global (pre)(post)
        while True:
            _, after = self._keys_argument(command, i)
            if after is None:
                return i
            i = after

    def _keys_argument(self, command: str, i: int, pre: str = "", *, nocite: bool = False,
                       first_only: bool = False) -> tuple[int, int | None]:
        """Read ``[pre][post]{keys}`` at ``i``: (offset after the optional arguments,
        offset after the keys, None when no ``{keys}`` follows).  ``pre``, from
        apacite's <pre>, wins over [pre]."""
        args, k = _optionals(self.masked, i)
        span = _braced(self.masked, k)
        if span is None:
            return k, None
        prenote, postnote = _notes(args)
        self._add_keys(command, span[0], span[1], pre or prenote, postnote,
                       nocite=nocite, first_only=first_only)
        return k, span[1] + 1

    def _volcite(self, command: str, end: int) -> int:
        masked = self.masked
        args, i = _optionals(masked, end)
        volume = _braced(masked, i)
        if volume is None:
            return i
        pages, i = _optionals(masked, volume[1] + 1)
        span = _braced(masked, i)
        if span is None:
            return i
        a, b = span
        prenote = args[0].strip() if args else None
        self._add_keys(command, a, b, prenote or None, pages[0] if pages else None)
        return b + 1

    def _add_keys(self, command: str, a: int, b: int, prenote: str | None,
                  postnote: str | None, *, nocite: bool = False, first_only: bool = False) -> None:
        pinpoint = normalize_pinpoint(postnote) if postnote else None
        offset = a
        for raw in self.masked[a:b].split(","):
            key = raw.strip()
            key_start = offset + (len(raw) - len(raw.lstrip()))
            offset += len(raw) + 1
            if not key:
                continue
            if key == "*" and nocite:
                self.nocite_all = True
                continue
            if "#" in key or key.startswith("\\"):
                continue  # a macro's parameter (\def\c#1{\citep{#1}}) or a key from a macro
            line, column = self.where(key_start)
            if _SPACE.search(key):
                # no BibTeX key holds white space: "\cite{a b}" or an argument
                # that ran on ("\cite{\citep[" and a line break)
                self.diagnostics.append(diagnostic(
                    "parse-error", f"citation key {key!r} contains white space",
                    path=self.path, line=line, column=column, keys=(key,),
                    suggestion="separate keys with commas; a key has no spaces or line breaks"))
                self.spaced.append(DraftCitation(
                    key=key, path=self.path, line=line, column=column, command=command,
                    pinpoint=pinpoint, prenote=prenote, nocite=nocite))
                continue
            self.citations.append(DraftCitation(
                key=key, path=self.path, line=line, column=column, command=command,
                pinpoint=pinpoint, prenote=prenote, nocite=nocite))
            if first_only:
                break

    def _bibliography(self, name: str, end: int) -> int:
        masked = self.masked
        _, i = _optionals(masked, end)
        span = _braced(masked, i)
        if span is None:
            return i
        a, b = span
        parts = masked[a:b].split(",") if name == "bibliography" else [masked[a:b]]
        for part in parts:
            file = _unwrapped_path(part.strip(), self.macros)
            if file:
                self.bibliographies.append(file if file.lower().endswith(".bib") else file + ".bib")
        model = _BIB_WORDS[name]
        if self.model is None or model == "biblatex":
            self.model = "bibtex" if model == "bibtex" else "biblatex"
        return b + 1

    def _include(self, name: str, command: str, start: int, end: int) -> int:
        masked = self.masked
        parts: list[str] = []
        i = end
        for _ in range(2 if name in _INCLUDE_TWO else 1):
            span = _braced(masked, i)
            if span is not None:
                a, b = span
                parts.append(_unwrapped_path(masked[a:b].strip(), self.macros))
                i = b + 1
            elif name == "input" and not parts:
                # TeX's own syntax: "\input chapter1" ends at a blank
                m = re.compile(r"[ \t]+(?P<file>[^\s{}\\%]+)").match(masked, i)
                if m is None:
                    return i
                parts.append(m.group("file"))
                i = m.end()
            else:
                return i
        if not all(parts):
            return i
        written = "/".join(p.rstrip("/") for p in parts[:-1]) + ("/" if len(parts) > 1 else "") + parts[-1]
        line, column = self.where(start)
        self.includes.append(Include(path_as_written=written, line=line, column=column,
                                     command=command))
        return i


def scan_latex(text: str, *, path: str) -> DraftScan:
    """Citations, bibliographies, includes and \\date of one LaTeX file."""
    return _LatexScanner(text, path).scan()
