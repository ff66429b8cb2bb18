#!/usr/bin/env python3
"""Writes a large synthetic corpus of French news articles for Dateline benchmarks.

    python3 scripts/generate-corpus.py --count 100000 --out /tmp/corpus100k [--seed 1] [--clean]

The articles are recombined from the real ones in articles/*.txt and tests/data/news/*.txt:
their sentences (cut at . ! ? before a capital, never inside quotes), titles and section
headings are read once, skipping header, junk and caption lines. Every generated article draws
a title and paragraphs, each a run of 1 to 4 sentences that followed one another in some seed
and that opens on one not pointing back ("Il a ajouté" never opens a paragraph), so runs from
different seeds mix while each stays readable. Each article gets a publication
date between 2005 and 2026; every year 1990-2030 in a borrowed sentence is shifted by the
distance between that date and the date of the article the sentence came from, so "en 2018"
in a 2014 wire becomes "en 2023" in an article dated 2019. Chinese and Russian leaders and
ministers named in resources/actors.json are swapped, consistently within an article, for
others of the same country and kind, in office that year when possible ("Wang Yi" becomes
"Yang Jiechi" in 2010). About 60 % of the articles start with a " date YYYY-MM[-DD] [URL]"
header line; the others carry an AFP-style dateline ("PÉKIN, 5 juin 2019 (AFP) - "), a
"Publié le ..." line, or nothing. Titles are sometimes repeated, and web junk ("Partager",
"Lire aussi : ...", "PREV ...", cookie lines) is sprinkled in, as in the scraped seeds.
About 5 % of the articles are off-topic (sport, weather, recipes), like a real scrape; those
are one off-topic seed each, re-dated.

Output: files of about 3 KB on average, UTF-8, Unix line ends, in sub-folders of at most
1,000 files (OUT/0000/000000.txt, OUT/0000/000001.txt, ... OUT/0001/001000.txt, ...).
The same seed and the same seed articles always give the same files. Write outside the
repository, e.g. /tmp/corpus100k; the output is never committed.

The output folder must be empty or absent. With --clean, the NNNN/NNNNNN.txt files of a
previous run are deleted first, with their NNNN/ folders, and nothing else: if the folder
holds anything else, nothing is deleted and the script refuses to write there.

Python 3 standard library only, one process: 100,000 articles (about 290 MB) take some
15 seconds of CPU; the wall time, 20 s to a minute, is mostly the disk creating the files.
"""

import argparse
import calendar
import datetime
import json
import random
import re
import sys
import time
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SOURCES = [REPO / "articles", REPO / "tests" / "data" / "news"]
DEFAULT_ACTORS = REPO / "resources" / "actors.json"

FIRST_YEAR, LAST_YEAR = 2005, 2026
PER_FOLDER = 1000
OFF_TOPIC_SHARE = 0.05

MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
          "septembre", "octobre", "novembre", "décembre"]
MONTHS_SHORT = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août",
                "sept.", "oct.", "nov.", "déc."]
WIRE_CITIES = ["PÉKIN", "MOSCOU", "SHANGHAI", "VLADIVOSTOK", "ASTANA", "SAMARCANDE", "KAZAN",
               "SÉOUL", "TOKYO", "PARIS", "BRUXELLES", "HONG KONG", "TIANJIN", "HARBIN",
               "SAINT-PÉTERSBOURG", "WASHINGTON", "GENÈVE", "NEW DELHI", "OULAN-BATOR"]
CAPTION_CITIES = ["Pékin", "Moscou", "Shanghai", "Vladivostok", "Astana", "Samarcande", "Kazan",
                  "Tianjin", "Harbin", "Saint-Pétersbourg", "Douchanbé", "Bichkek"]
WIRE_AGENCIES = ["AFP"] * 6 + ["Reuters"] * 2 + ["AP"]
RUBRICS = ["Défense", "Monde", "International", "Asie-Pacifique", "Diplomatie", "Économie",
           "Énergie", "Europe", "Géopolitique"]
BYLINES = ["Par La Rédaction avec AFP", "Par La Rédaction avec AFP et Reuters",
           "La Rédaction avec AFP", "Par notre correspondant à Pékin",
           "Par notre correspondante à Moscou", "Avec notre correspondant régional,"]
# Web junk seen in the seeds (and matched by resources/reading-fr.json).
JUNK_END = ["Partager", "Partager sur Facebook", "Partager sur X", "A voir aussi",
            "A voir en vidéo", "A lire aussi", "Sur le même sujet",
            "For Latest Updates Follow us on Google News", "Abonnez-vous à notre newsletter",
            "Newsletter", "Publicité", "Gérer les cookies", "Accepter les cookies et continuer"]
JUNK_MIDDLE = ["Publicité", "A voir aussi", "A lire aussi", "Partager"]
JUNK_TOP = ["Table of Contents", "Sommaire", "Accepter les cookies", "Gérer les cookies"]
PREV_NEXT = ["Un hiver sans gaz ? Les Européens font leurs comptes",
             "Nouvel An : les feux d'artifice interdits dans plusieurs villes",
             "Nouvel an chinois : les gares prises d'assaut",
             "Deux traces d’ADN découvertes sur les os et les vêtements de l’enfant",
             "c’est finalement moins de 50 euros",
             "Météo : une vague de froid attendue en fin de semaine",
             "Ligue 1 : le classement après la 12e journée"]

# The optional first line " date 2023-03 [URL]" (as model/articlereader.cpp reads it).
HEADER = re.compile(r"^[ \t]?date(?=[ \t]|$)(?:[ \t]+([0-9][0-9./-]*)(?=[ \t]|$))?"
                    r"(?:[ \t]+((?:https?://|www\.)\S+))?[ \t]*")
# A subset of the junk_lines of resources/reading-fr.json, enough for the seeds.
JUNK = re.compile(
    r"^(?:table of contents|table des mati[eè]res|sommaire|[àa] voir (?:aussi|également|en vid[ée]o)\b.*"
    r"|[àa] lire aussi.*|lire (?:aussi|également|la suite)\b.*|(?:voir|regarder) (?:la|cette) vid[ée]o.*"
    r"|for latest updates follow us on google\s*news.*|suivez[- ]nous sur .*|(?:PREV|NEXT)\s.*"
    r"|partager(?: sur)?(?: (?:facebook|twitter|x|linkedin|whatsapp))*|publicit[ée]|advertisement"
    r"|(?:abonnez-vous|inscrivez-vous)\b.*|(?:accepter|refuser|g[ée]rer) les cookies.*|newsletter"
    r"|(?:publi[ée]e?|mise? [àa] jour|modifi[ée]e?)(?: le)?\s?:? ?\d.*|le \d\d\.\d\d\.\d{4}.*"
    r"|[a-z]{2,5}-[a-z]{2}-\d{1,4}|[a-z]{2,5}-[a-z]{2,5}/[a-z]{2,5}|sur le même sujet)$",
    re.IGNORECASE)
WIRE_DATELINE = re.compile(r"^[A-ZÀ-Þ][A-ZÀ-Þ /'-]+, [^()]{1,30}\((?:AFP|Reuters|AP)\) - ")
YEAR = re.compile(r"(?<!\d)(?<!\d,)(199\d|20[0-2]\d|2030)(?!\d)(?![,.]\d)")
ABBREVIATIONS = {"M", "MM", "Mme", "Mmes", "Mlle", "Dr", "Pr", "Me", "Mgr", "St", "Ste", "av", "apr",
                 "cf", "etc", "ex", "env", "p", "pp", "vol", "n", "no", "art", "al", "gén", "Gén",
                 "janv", "févr", "avr", "juil", "sept", "oct", "nov", "déc", "vs"}
SENTENCE_END = re.compile(r"[.!?…]+[»”\"]?\s+(?=[«“\"]?\s?[A-ZÀ-ÖØ-Þ])")
# A paragraph should not open on a word that points back to an earlier sentence.
ANAPHORIC = {"Il", "Elle", "Ils", "Elles", "Cela", "Ce", "Cette", "Ces", "Son", "Sa", "Ses", "Leur",
             "Leurs", "Mais", "Et", "Dans", "De", "Pour", "Selon", "Après", "Avant", "Plus", "Alors",
             "Notons", "Bien", "Quant", "Patrushev"}
VOWELS = set("AEIOUÉÈÊÂÎÔÛaeiouéèêâîôû")


# ---------------------------------------------------------------------------------------------
# Actors: the Chinese and Russian leaders and ministers that may stand in for one another.

class Person:
    __slots__ = ("name", "full", "short", "surname", "group", "years")


def load_people(path):
    """The swappable people (China/Russia x leader/minister) and their aliases."""
    with open(path, encoding="utf-8") as f:
        actors = json.load(f)["actors"]
    people = []
    for actor in actors:
        if actor.get("kind") != "person" or actor.get("country") not in ("China", "Russia"):
            continue
        kinds = {}
        for role in actor.get("roles", []):
            phrase = role["phrases"][0].lower() if role.get("phrases") else ""
            if phrase.startswith(("président russe", "président chinois", "premier ministre russe",
                                  "premier ministre chinois", "numéro un chinois")):
                kind = "leader"
            elif "ministre" in phrase:
                kind = "minister"
            else:
                continue
            first = int(role["from"][:4]) if role.get("from") else 1990
            last = int(role["to"][:4]) if role.get("to") else 9999
            kinds.setdefault(kind, set()).update(range(max(first, 1990), min(last, 2100) + 1))
        if not kinds:
            continue
        kind = "leader" if "leader" in kinds else "minister"
        aliases = actor["aliases"]
        person = Person()
        person.name = actor["name"]
        person.full = next((a for a in aliases if " " in a), aliases[0])
        person.short = next((a for a in aliases if " " not in a), None)
        words = person.full.split()
        person.surname = person.short or (words[0] if actor["country"] == "China" else words[-1])
        person.group = (actor["country"], kind)
        person.years = kinds[kind]
        people.append((person, aliases))
    owner = {}
    for index, (person, aliases) in enumerate(people):
        for alias in aliases:
            owner.setdefault(alias, set()).add(index)
    # A one-word alias must name a single person ("Ivanov" would not).
    aliases = {alias: next(iter(ids)) for alias, ids in owner.items() if len(ids) == 1 or " " in alias}
    return [p for p, _ in people], aliases


def alias_matcher(names):
    alternation = "|".join(re.escape(a) for a in sorted(names, key=len, reverse=True))
    return re.compile(r"(?<![\w'’-])(" + alternation + r")(?![\w'’-])")


# ---------------------------------------------------------------------------------------------
# Reading the seeds into templates: text pieces, years to shift, people to swap.

FULL, SHORT, SURNAME = 0, 1, 2


class Template:
    """A sentence, title or heading: str pieces, int years, (person, form) tuples.

    The form of a name: FULL ("Sergueï Lavrov"), SHORT (a one-word alias of actors.json:
    "Lavrov", "Xi") or SURNAME (a bare surname the seed uses after the full name: "Wang").
    """
    __slots__ = ("base_year", "parts", "opener", "length", "next")


def split_sentences(paragraph):
    """Sentences of a paragraph: cut after . ! ? before a capital, never inside quotes."""
    sentences, start = [], 0
    for match in SENTENCE_END.finditer(paragraph):
        before = paragraph[start:match.start()]
        words = before.split()
        if words and words[-1].strip("«“\"(") in ABBREVIATIONS:
            continue
        if words and len(words[-1]) == 1 and words[-1].isupper():
            continue  # an initial: "J. Biden"
        inside = paragraph[start:match.end()]
        if (inside.count("«") != inside.count("»") or inside.count("“") != inside.count("”")
                or inside.count('"') % 2):
            continue
        sentences.append(paragraph[start:match.end()].strip())
        start = match.end()
    sentences.append(paragraph[start:].strip())
    return [s for s in sentences if s]


def is_sentence(text):
    if not 40 <= len(text) <= 600:
        return False
    if not (text[0].isupper() or (text[0] in "«“\"" and len(text) > 2)):
        return False
    body = text.rstrip("»”\")").rstrip()
    if not body or body[-1] not in ".!?…":
        return False
    if (text.count("«") != text.count("»") or text.count("“") != text.count("”")
            or text.count('"') % 2 or text.count("(") != text.count(")")):
        return False
    if re.search(r"[.!?]\s*,|©|https?://|^Photo\b", text):
        return False
    return True


def is_heading(line):
    if not 4 <= len(line) <= 70 or line[-1] in ".,;:!?":
        return False
    if re.search(r"\d|/|\bAFP\b|\bReuters\b|^Par |avec AFP|international$|^Les Echos$|Ouest-France",
                 line):
        return False
    return line[0].isupper() or line[0] in "«“\""


def source_year(lines, text):
    """The publication year of a seed: header, wire dateline, 'Publié le', else the latest year."""
    if lines:
        header = HEADER.match(lines[0])
        if header and header.group(1):
            return int(header.group(1)[:4])
    for pattern in (r"\((?:AFP|Reuters)\) -", r"^(?:Publié|Mis à jour|Le \d)"):
        for line in lines[:12]:
            if re.search(pattern, line):
                found = YEAR.search(line)
                if found:
                    return int(found.group(1))
    years = [int(y) for y in YEAR.findall(text) if int(y) <= LAST_YEAR]
    return max(years) if years else None


def make_template(text, base_year, names, matcher):
    """The template of a line, or None when two names touch ("a déclaré Wang Poutine")."""
    parts = []
    position = 0
    for match in matcher.finditer(text):
        between = text[position:match.start()]
        if parts and type(parts[-1]) is tuple and not between.strip():
            return None
        parts.extend(year_parts(between, base_year))
        parts.append(names[match.group(1)])
        position = match.end()
    parts.extend(year_parts(text[position:], base_year))
    template = Template()
    template.base_year = base_year if base_year is not None else 0
    template.parts = tuple(parts)
    first = re.match(r"([\w'’-]+)", text)
    template.opener = (bool(first) and first.group(1) not in ANAPHORIC
                       and not (type(parts[0]) is tuple and parts[0][1] != FULL))
    template.length = len(text)
    template.next = None  # the sentence that followed it in its seed
    return template


def year_parts(text, base_year):
    if base_year is None:
        return [text] if text else []
    parts, position = [], 0
    for match in YEAR.finditer(text):
        if match.start() > position:
            parts.append(text[position:match.start()])
        parts.append(int(match.group(1)))
        position = match.end()
    if position < len(text):
        parts.append(text[position:])
    return parts


class Pools:
    def __init__(self):
        self.sentences, self.openers, self.ledes, self.titles, self.headings = [], [], [], [], []
        self.see_also, self.headlines = [], []
        self.docs = []  # (title or None, first sentence) of every seed


def file_names(text, people, aliases, matcher):
    """Names to swap in one seed: the aliases of actors.json, and the bare surnames
    ("Wang", "M. Qin") of the people the seed names in full."""
    names = {alias: (people[index], SHORT if " " not in alias else FULL)
             for alias, index in aliases.items()}
    found = {names[m.group(1)][0] for m in matcher.finditer(text)}
    surnames = {}
    for person in found:
        if person.surname not in names and re.search(r"(?<![\w'’-])" + re.escape(person.surname)
                                                     + r"(?![\w'’-])", text):
            surnames.setdefault(person.surname, set()).add(person)
    for surname, owners in surnames.items():
        if len(owners) == 1:
            names[surname] = (owners.pop(), SURNAME)
    if len(names) == len(aliases):
        return names, matcher
    return names, alias_matcher(names)


def read_seeds(folders, people, aliases):
    topic, off = Pools(), Pools()
    files = sorted(p for folder in folders for p in Path(folder).glob("*.txt"))
    if not files:
        sys.exit(f"generate-corpus: no seed articles (*.txt) in {', '.join(map(str, folders))}")
    seen = set()
    global_matcher = alias_matcher(aliases)
    for path in files:
        raw = path.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n").replace("\r", "\n")
        lines = raw.split("\n")
        pools = off if path.name.startswith("off") else topic
        base_year = source_year(lines, raw)
        names, matcher = file_names(raw, people, aliases, global_matcher)
        header = HEADER.match(lines[0]) if lines else None
        title = None
        doc_title = first = previous = None
        if header:
            lines[0] = lines[0][header.end():]
            if lines[0].strip():
                title = ""  # " date 2023-03 La Chine a affirmé..." : the body, no title
        for line in lines:
            line = line.strip().replace("\u00a0", " ")
            if not line:
                continue
            if JUNK.match(line):
                see_also = re.match(r"(?:[àa] )?lire aussi\s*:?\s*(.{15,})$", line, re.IGNORECASE)
                if see_also and ":" in line:
                    pools.see_also.append(see_also.group(1))
                continue
            if title is None:  # the first real line: a title, or already the body
                ends = line.rstrip("»”\")").rstrip()[-1:]
                title = "" if ends in (".", "!", "?", "…") or not 20 <= len(line) <= 200 else line
                if title:
                    template = make_template(line, base_year, names, matcher)
                    if template:
                        pools.titles.append(template)
                        doc_title = template
                    continue
            if line == title:
                continue
            line = WIRE_DATELINE.sub("", line)
            if is_heading(line):
                template = make_template(line, base_year, names, matcher)
                if template and line not in seen:
                    seen.add(line)
                    pools.headings.append(template)
                continue
            if not re.search(r"[.!?…][»”\")]?$", line):
                continue  # a caption, a kicker, a signature: not prose
            for sentence in split_sentences(line):
                if is_sentence(sentence) and sentence not in seen:
                    seen.add(sentence)
                    template = make_template(sentence, base_year, names, matcher)
                    if template:
                        pools.sentences.append(template)
                        if previous:
                            previous.next = template
                        previous = template
                        first = first or template
        if first:
            pools.docs.append((doc_title, first))
    for pools in (topic, off):
        pools.openers = [t for t in pools.sentences if t.opener]
        pools.ledes = [t for t in pools.openers if t.length >= 90 and all(
            type(p) is not tuple or p[1] == FULL for p in t.parts)] or pools.openers
        # Short sentences that make a headline without their period.
        pools.headlines = [t for t in pools.openers if 50 <= t.length <= 115]
    if len(topic.sentences) < 20 or not topic.titles:
        sys.exit("generate-corpus: too few sentences in the seed articles")
    return topic, off


# ---------------------------------------------------------------------------------------------
# Writing one article.

class Article:
    """The state of one article: its date, its random stream and who stands for whom."""

    def __init__(self, rng, year, groups):
        self.rng = rng
        self.year = year
        self.groups = groups
        self.swap = {}
        self.taken = set()

    def stand_in(self, person):
        other = self.swap.get(person)
        if other is None:
            members, active = self.groups[person.group]
            candidates = [p for p in active[self.year] if p not in self.taken]
            if not candidates:
                candidates = [p for p in members if p not in self.taken] or [person]
            other = self.rng.choice(candidates)
            self.swap[person] = other
            self.taken.add(other)
        return other

    def render(self, template):
        shift = self.year - template.base_year
        out = []
        for part in template.parts:
            kind = type(part)
            if kind is str:
                out.append(part)
            elif kind is int:
                out.append(str(part + shift))
            else:
                other = self.stand_in(part[0])
                form = part[1]
                if form == FULL:
                    name = other.full
                elif form == SURNAME or (out and out[-1].endswith(("M. ", "MM. "))):
                    name = other.surname
                else:
                    name = other.short or other.full
                if out:
                    out[-1] = elide(out[-1], name)
                out.append(name)
        return "".join(out)


def elide(before, name):
    """'de' + 'Andreï' gives "d'Andreï", "d'Igor" + 'Wang Yi' gives 'de Wang Yi'."""
    vowel = name[0] in VOWELS
    if vowel:
        if before.endswith(" de ") or before == "de ":
            return before[:-3] + "d'"
        if before.endswith(" que ") or before == "que ":
            return before[:-4] + "qu'"
    else:
        if before.endswith(("d'", "d’")) and (len(before) == 2 or not before[-3].isalpha()):
            return before[:-2] + "de "
        if before.endswith(("qu'", "qu’")) and (len(before) == 3 or not before[-4].isalpha()):
            return before[:-3] + "que "
    return before


def french_date(day, with_year=True):
    text = f"{'1er' if day.day == 1 else day.day} {MONTHS[day.month - 1]}"
    return f"{text} {day.year}" if with_year else text


def published_line(rng, day):
    hour, minute = rng.randint(6, 22), rng.randint(0, 59)
    later = min(hour + rng.randint(1, 4), 23)
    style = rng.randrange(7)
    if style == 0:
        return f"Publié le {french_date(day)}"
    if style == 1:
        return f"Publié le {french_date(day)} à {hour}h{minute:02d}"
    if style == 2:
        return f"Publié le {day:%d/%m/%Y} à {hour:02d}:{minute:02d}"
    if style == 3:
        return (f"Publié le : {day:%d/%m/%Y} - {hour:02d}:{minute:02d} "
                f"Modifié le : {day:%d/%m/%Y} - {later:02d}:{minute:02d}")
    if style == 4:
        return f"Mis à jour le {french_date(day)} à {hour:02d}:{minute:02d}"
    if style == 5:
        return f"Publié le {day.day} {MONTHS_SHORT[day.month - 1]} {day.year} à {hour:02d}:{minute:02d}"
    return (f"Publié le {day:%d/%m/%y} à {hour:02d}h{minute:02d} — "
            f"Mis à jour le {day:%d/%m/%y} à {later:02d}h{minute:02d}")


def slug(title, index):
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii").lower()
    words = re.findall(r"[a-z0-9]+", ascii_title)
    text = ""
    for word in words:
        if len(text) + len(word) + 1 > 70:
            break
        text = f"{text}-{word}" if text else word
    return f"{text}_{index:06d}"


class Generator:
    def __init__(self, seed, sources, actors_path):
        self.seed = seed
        people, aliases = load_people(actors_path)
        self.topic, self.off = read_seeds(sources, people, aliases)
        self.groups = {}
        for person in people:
            self.groups.setdefault(person.group, []).append(person)
        self.groups = {
            group: (members, {year: [p for p in members if year in p.years]
                              for year in range(FIRST_YEAR, LAST_YEAR + 1)})
            for group, members in self.groups.items()}
        by_name = {p.name: p for p in people}
        self.putin, self.xi = by_name.get("Vladimir Putin"), by_name.get("Xi Jinping")

    def article(self, index):
        rng = random.Random(self.seed * 1_000_003 + index)
        year = rng.randint(FIRST_YEAR, LAST_YEAR)
        month = rng.randint(1, 12)
        day = datetime.date(year, month, rng.randint(1, calendar.monthrange(year, month)[1]))
        off_topic = rng.random() < OFF_TOPIC_SHARE and self.off.sentences
        pools = self.off if off_topic else self.topic
        art = Article(rng, year, self.groups)
        used = set()
        doc = None
        if off_topic:  # one off-topic seed, whole and in order: recombined it would be nonsense
            doc = rng.choice([d for d in pools.docs if d[0]] or pools.docs)
            title = art.render(doc[0] or rng.choice(pools.titles))
        elif pools.headlines and rng.random() < 0.25:
            headline = rng.choice(pools.headlines)
            used.add(headline)
            title = art.render(headline).rstrip(".")
        else:
            title = art.render(rng.choice(pools.titles))
        blocks = []

        header = rng.random() < 0.60
        if header:
            iso = day.isoformat() if rng.random() < 0.6 else day.isoformat()[:7]
            line = f" date {iso}"
            if rng.random() < 0.7:
                line += f" https://www.example-news.fr/{day:%Y/%m/%d}/{slug(title, index)}"
            blocks.append(line + "\n" + title)
        else:
            if rng.random() < 0.03:
                blocks.append(rng.choice(JUNK_TOP))
            blocks.append(title)
        repeat = rng.random()
        if repeat < 0.12:
            blocks[-1] += "\n" + title
        elif repeat < 0.18:
            blocks.append(title + "\n" + title)
        elif repeat < 0.24:
            blocks.append(title)

        if not off_topic and rng.random() < 0.15:
            blocks.append(rng.choice(RUBRICS))
        if not off_topic and rng.random() < 0.25:
            standfirst = rng.choice(pools.ledes)
            used.add(standfirst)
            blocks.append(art.render(standfirst))
        if rng.random() < 0.2:
            blocks.append(rng.choice(BYLINES))
        wire = None
        city = "PARIS" if off_topic else rng.choice(WIRE_CITIES)
        if not header:
            style = rng.random()
            if style < 0.35:
                wire = f"{city}, {french_date(day)} ({rng.choice(WIRE_AGENCIES)}) - "
            elif style < 0.70:
                blocks.append(published_line(rng, day))
        elif rng.random() < 0.1:
            if rng.random() < 0.5:
                wire = f"{city}, {french_date(day, False)} ({rng.choice(WIRE_AGENCIES)}) - "
            else:
                blocks.append(published_line(rng, day))

        target = min(max(rng.gauss(2600, 900), 700), 7500)
        # A paragraph is a run of 1 to 4 sentences that followed one another in a seed,
        # opening on one that does not point back ("Il a ajouté..."); runs from all seeds mix.
        openers = iter(rng.sample(pools.openers, min(len(pools.openers), 40)))
        size = sum(len(b) for b in blocks)
        paragraphs = 0
        headings = 0
        following = doc[1] if doc else None
        while size < target or doc:
            if doc:
                first = following
            else:
                first = rng.choice(pools.ledes) if paragraphs == 0 else None
                if first is None or first in used:
                    first = next((t for t in openers if t not in used), None)
            if first is None:
                break
            used.add(first)
            text = [art.render(first)]
            following = first.next
            for _ in range(rng.choice((1, 1, 2) if doc else (0, 0, 1, 1, 1, 2, 2, 3))):
                if following is None or following in used:
                    break
                used.add(following)
                text.append(art.render(following))
                following = following.next
            paragraph = " ".join(text)
            if paragraphs == 0 and wire:
                paragraph = wire + paragraph
            if paragraphs >= 2 and headings < 2 and not doc and rng.random() < 0.12:
                heading = art.render(rng.choice(pools.headings))
                blocks.append(heading)
                size += len(heading) + 2
                headings += 1
            elif paragraphs >= 2 and rng.random() < 0.05:
                junk = self.junk_line(rng, art, pools, middle=True)
                if junk not in blocks:
                    blocks.append(junk)
            blocks.append(paragraph)
            size += len(paragraph) + 2
            paragraphs += 1
            if paragraphs == 1 and not off_topic and self.putin and self.xi and rng.random() < 0.1:
                shot = day - datetime.timedelta(days=rng.randint(0, 20))
                blocks.append(f"{art.stand_in(self.putin).full} et {art.stand_in(self.xi).full} à "
                              f"{rng.choice(CAPTION_CITIES)}, le {french_date(shot)}. © "
                              f"{rng.choice(('AFP', 'AP', 'Reuters', 'Sputnik / Reuters'))}")

        if rng.random() < 0.7:
            for _ in range(rng.choice((1, 1, 2, 2, 3))):
                junk = self.junk_line(rng, art, pools, middle=False)
                if junk not in blocks:
                    blocks.append(junk)
        if rng.random() < 0.05:
            blocks.append(f"{rng.choice(('lmd', 'ttn', 'lfg', 'afp', 'oue'))}-fr-{rng.randint(1, 99)}")
        return "\n\n".join(blocks) + "\n"

    def junk_line(self, rng, art, pools, middle):
        roll = rng.random()
        if roll < 0.3 and pools.titles:
            other = art.render(rng.choice(pools.titles))
            return rng.choice(("Lire aussi : ", "À lire aussi", "Lire aussi : ")) + other
        if roll < 0.4 and pools.see_also:
            return "Lire aussi : " + rng.choice(pools.see_also)
        if not middle and roll < 0.55:
            before, after = rng.sample(PREV_NEXT, 2)
            return f"PREV {before}\nNEXT {after}"
        return rng.choice(JUNK_MIDDLE if middle else JUNK_END)


# ---------------------------------------------------------------------------------------------
# The output folder.

OWN_FOLDER = re.compile(r"^\d{4,}$")
OWN_FILE = re.compile(r"^\d{6,}\.txt$")


def prepare_output(out, clean):
    """Makes OUT ready: absent or empty, or with --clean emptied of this script's own files.

    --clean deletes nothing unless everything in OUT is NNNN/NNNNNN.txt: a folder that holds
    anything else is not one this script wrote, and is refused as it is.
    """
    if out.exists() and not out.is_dir():
        sys.exit(f"generate-corpus: {out} exists and is not a folder")
    out.mkdir(parents=True, exist_ok=True)
    entries = sorted(out.iterdir())
    if not entries:
        return
    if not clean:
        sys.exit(f"generate-corpus: {out} is not empty; use --clean to delete the NNNN/NNNNNN.txt "
                 f"files a previous run wrote there, or choose another folder")
    own, foreign = [], []
    for entry in entries:
        if entry.is_dir() and not entry.is_symlink() and OWN_FOLDER.match(entry.name):
            for item in entry.iterdir():
                if OWN_FILE.match(item.name) and item.is_file() and not item.is_symlink():
                    own.append(item)
                else:
                    foreign.append(item)
        else:
            foreign.append(entry)
    if foreign:
        names = ", ".join(str(f.relative_to(out)) for f in foreign[:5])
        sys.exit(f"generate-corpus: {out} holds files this script does not write ({names}"
                 f"{', ...' if len(foreign) > 5 else ''}); nothing deleted, not writing there")
    for item in own:
        item.unlink()
    for entry in entries:
        entry.rmdir()
    print(f"--clean: deleted {len(own)} files of a previous run in {out}", file=sys.stderr)


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="generate-corpus.py", description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, required=True, help="number of articles to write")
    parser.add_argument("--out", type=Path, required=True,
                        help="output folder, absent or empty (suggested: /tmp/corpus100k)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--clean", action="store_true",
                        help="first delete the NNNN/NNNNNN.txt files a previous run left in --out")
    parser.add_argument("--sources", type=Path, action="append",
                        help="folder of seed articles (repeatable; default articles/ and tests/data/news/)")
    parser.add_argument("--actors", type=Path, default=DEFAULT_ACTORS,
                        help="actors file (default resources/actors.json)")
    args = parser.parse_args(argv)
    if args.count < 0:
        parser.error("--count must not be negative")

    started = time.perf_counter()
    generator = Generator(args.seed, args.sources or DEFAULT_SOURCES, args.actors)
    out = args.out
    prepare_output(out, args.clean)
    file_width = max(6, len(str(max(args.count - 1, 0))))
    folder_width = max(4, len(str(max(args.count - 1, 0) // PER_FOLDER)))
    total = 0
    folder = None
    for index in range(args.count):
        if index % PER_FOLDER == 0:
            folder = out / f"{index // PER_FOLDER:0{folder_width}d}"
            folder.mkdir()
        data = generator.article(index).encode("utf-8")
        with open(folder / f"{index:0{file_width}d}.txt", "wb") as f:
            f.write(data)
        total += len(data)
    elapsed = time.perf_counter() - started
    folders = (args.count + PER_FOLDER - 1) // PER_FOLDER
    print(f"{args.count} files in {folders} folders under {out}: {total / 1e6:.1f} MB "
          f"({total / max(args.count, 1) / 1000:.2f} KB on average), {elapsed:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
