#include "frenchdatetagger.h"

#include "frenchdatelexicon.h"
#include "resourcefiles.h"

#include <boost/date_time/gregorian/gregorian.hpp>

#include <algorithm>
#include <optional>
#include <stdexcept>

namespace greg = boost::gregorian;
using namespace Qt::StringLiterals;

namespace dateline {

// Two stages, as in HeidelTime. Recognition cuts the text into tokens and matches the patterns
// below, producing an underspecified date per expression ("a Tuesday, in the past", "May of an
// unknown year", "one year before the reference"). Resolution then walks the expressions in
// order and fills the gaps from the publication date, or from the last date mentioned.

namespace {

using Kind = DateToken::Kind;
using PhraseKind = FrenchDateLexicon::PhraseKind;

enum class Direction : quint8 { Unknown, Past, Future, StrictlyPast, StrictlyFuture };

enum class Anchor : quint8 {
    None,       // absolute, or only the year is missing
    Reference,  // deictic: counted from the publication date ("hier")
    Mentioned,  // anaphoric: counted from the last date mentioned ("le lendemain", "21 h 45")
};

enum class ShapeKind : quint8 {
    Calendar, Offset, Clock, Season, Quarter, Decade,
    Literal,  // a value without a date: "PAST_REF", a recurrence "P1M", a century "18"
    Present,  // a vague present ("actuellement"): the publication date, PRESENT_REF without one
};

// What recognition knows about one expression; zero means "not said".
struct Underspecified
{
    qsizetype start = 0;
    qsizetype end = 0;
    int firstToken = 0;
    int lastToken = 0;  // exclusive
    ShapeKind shape = ShapeKind::Calendar;
    int year = 0, month = 0, day = 0, weekday = 0;
    bool explicitYear = false;
    DateUnit unit = DateUnit::None;
    int offset = 0;
    Anchor anchor = Anchor::None;
    Direction direction = Direction::Unknown;
    QStringView season;
    int quarter = 0;
    int decade = 0;
    bool generic = false;  // "en été": no particular one
    int easterOffset = 0;  // movable feast: days from Easter Sunday ("la Pentecôte" is 49)
    bool movable = false;
    int nextFromMonth = 0;        // "la nouvelle année" in December is the next one
    bool sameTimeOfYear = false;  // "à la même époque": the publication's month, in the year mentioned
    QString literal;
};

// Easter Sunday of a Gregorian year (the anonymous Gregorian computus).
greg::date easterSunday(int year)
{
    const int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
    const int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
    const int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
    const int month = (h + l - 7 * m + 114) / 31;
    const int day = (h + l - 7 * m + 114) % 31 + 1;
    return greg::date(greg::greg_year(year), greg::greg_month(month), greg::greg_day(day));
}

int isoWeekYear(const greg::date &date)
{
    // The ISO week belongs to the year of its Thursday.
    const int weekday = (date.day_of_week().as_number() + 6) % 7;  // Monday = 0
    return (date + greg::days(3 - weekday)).year();
}

QString weekValue(const greg::date &monday)
{
    return QString::number(isoWeekYear(monday)) + u"-W"
        + QString::number(monday.week_number()).rightJustified(2, u'0');
}

// The coarsest value that still holds every day from `first` to `last`.
DateValue containing(const greg::date &first, const greg::date &last)
{
    if (first == last)
        return DateValue::fromBoost(first, Precision::Day);
    if (first.year() == last.year() && first.month() == last.month())
        return DateValue::fromBoost(first, Precision::Month);
    if (first.year() == last.year())
        return DateValue::fromBoost(first, Precision::Year);
    return {};
}

// Whether `token` is in a WordSet or WordMap, by the hash the tokenizer worked out.
template<typename Table>
bool tokenIn(const DateToken &token, const Table &table)
{
    return table.contains(token.key, token.keyHash);
}

// "mi-mars": asked of every word, where QStringView::startsWith() would be a library call.
bool startsWithMi(QStringView key) { return key.size() >= 3 && key[0] == u'm' && key[1] == u'i' && key[2] == u'-'; }

class Recognizer
{
public:
    Recognizer(const FrenchDateLexicon &lexicon, const std::vector<DateToken> &tokens)
        : lx(lexicon), t(tokens), n(int(tokens.size())), m_phrasesStarting(tokens.size()), m_classes(tokens.size())
    {
        // Patterns ask for the phrases at a token many times, a kind at a time, and mayOpen() asks
        // every token for its classes: both are looked up once.
        const auto factsOf = [&](QStringView word, size_t hash) {
            const auto it = lx.wordFacts.find(word, hash);
            return it == lx.wordFacts.end() ? FrenchDateLexicon::WordFacts{} : it->second;
        };
        const FrenchDateLexicon::WordFacts accentedA = factsOf(u"à", WordHash{}(u"à"));
        for (size_t i = 0; i < tokens.size(); ++i) {
            const FrenchDateLexicon::WordFacts facts = factsOf(tokens[i].key, tokens[i].keyHash);
            m_classes[i] = facts.classes;
            // French often drops the accent of a capital: "A l'heure actuelle".
            const bool capitalA = tokens[i].capitalized && WordEqual{}(tokens[i].key, u"a");
            const FrenchDateLexicon::PhrasesStartingWith *starting = capitalA ? accentedA.phrases : facts.phrases;
            if (!starting)
                continue;
            const bool secondWordFits = i + 1 < tokens.size() && !tokens[i + 1].breakBefore
                                        && tokenIn(tokens[i + 1], starting->secondWords);
            if (starting->oneWordEntry || secondWordFits)
                m_phrasesStarting[i] = starting;
        }
    }

    std::vector<Underspecified> run()
    {
        std::vector<Underspecified> found;
        int i = 0;
        while (i < n) {
            if (!mayOpen(i)) {
                ++i;
                continue;
            }
            const int next = matchAt(i, found);
            i = next > i ? next : i + 1;
        }
        return found;
    }

private:
    const FrenchDateLexicon &lx;
    const std::vector<DateToken> &t;
    const int n;
    std::vector<const FrenchDateLexicon::PhrasesStartingWith *> m_phrasesStarting;  // by token; null if none can
    std::vector<quint8> m_classes;  // by token: its FrenchDateLexicon::WordClass bits
    using Class = FrenchDateLexicon::WordClass;

    // Cheap test of whether an expression can start at token i; most words cannot.
    bool mayOpen(int i) const
    {
        if (t[i].kind == Kind::Number)
            return true;
        if (t[i].kind != Kind::Word)
            return false;
        if (isA(i, Class::BareOpener))
            return m_phrasesStarting[size_t(i)] || !isWord(i + 1) || isA(i + 1, Class::KnownWord) || startsWithMi(t[i + 1].key)
                   || lx.numberWordValue(t[i + 1]) >= 0 || isA(i + 2, Class::CenturyWord);  // "le XIXe siècle"
        if (isA(i, Class::Opener) || startsWithMi(t[i].key) || (t[i].capitalized && t[i].key == u"a"))
            return true;
        // "deux jours plus tard", "XIXe siècle"
        return isA(i + 1, Class::Unit | Class::CenturyWord);
    }
    // Whether token i is in one of the tables of `classes` (FrenchDateLexicon::WordClass bits).
    bool isA(int i, unsigned classes) const { return has(i) && (m_classes[size_t(i)] & classes); }

    // ---- token tests -------------------------------------------------------------------
    bool has(int i) const { return i >= 0 && i < n; }
    // Token i continues the expression that token i - 1 belongs to.
    bool follows(int i) const { return has(i) && !t[i].breakBefore; }
    bool isWord(int i) const { return has(i) && t[i].kind == Kind::Word; }
    bool isNumber(int i) const { return has(i) && t[i].kind == Kind::Number; }
    bool is(int i, QStringView key) const { return has(i) && WordEqual{}(t[i].key, key); }
    template<typename Table>
    bool in(int i, const Table &table) const { return has(i) && tokenIn(t[i], table); }
    template<typename T>
    int lookup(int i, const WordMap<T> &map, int none = 0) const
    {
        if (!isWord(i))
            return none;
        const auto it = map.find(t[i].key, t[i].keyHash);
        return it == map.end() ? none : int(it->second);
    }
    bool sentenceStart(int i) const
    {
        if (i == 0 || t[i].breakBefore)
            return true;
        const QStringView prev = t[i - 1].key;
        return t[i - 1].kind == Kind::Punct && (prev == u"." || prev == u"!" || prev == u"?" || prev == u"«"
                                                || prev == u"\"" || prev == u":" || prev == u"(");
    }

    // A longest multi-word entry of `kind` starting at token i; returns its end token or -1.
    // Patterns ask it many times a token, and most tokens start none: that test is inlined.
    int phraseAt(int i, PhraseKind kind, const FrenchDateLexicon::Phrase **phrase) const
    {
        return has(i) && m_phrasesStarting[size_t(i)] ? longestPhraseAt(i, kind, phrase) : -1;
    }
    int longestPhraseAt(int i, PhraseKind kind, const FrenchDateLexicon::Phrase **phrase) const
    {
        int best = -1;
        for (const int index : m_phrasesStarting[size_t(i)]->byKind[size_t(kind)]) {
            const auto &candidate = lx.phrases[size_t(index)];
            const int size = int(candidate.words.size());
            bool ok = true;
            for (int k = 1; k < size && ok; ++k)
                ok = follows(i + k) && WordEqual{}(t[i + k].key, candidate.words[size_t(k)]);
            if (ok && i + size > best) {
                best = i + size;
                *phrase = &candidate;
            }
        }
        return best;
    }

    // A day of the month at i: "24", "1er", "premier". Returns the token after it or -1.
    int dayAt(int i, int *day) const
    {
        if (isNumber(i) && t[i].digits <= 2 && t[i].number >= 1 && t[i].number <= 31) {
            *day = t[i].number;
            if (isWord(i + 1) && t[i + 1].joined && (is(i + 1, u"er") || is(i + 1, u"re") || is(i + 1, u"ère")))
                return *day == 1 ? i + 2 : -1;
            if (isWord(i + 1) && t[i + 1].joined)
                return -1;  // "3e", "12h": not a day
            return i + 1;
        }
        const int ordinal = lookup(i, lx.ordinals);
        if (ordinal == 1 && lookup(i + 1, lx.months) > 0) {
            *day = 1;
            return i + 1;
        }
        return -1;
    }

    int monthAt(int i) const { return follows(i) ? lookup(i, lx.months) : 0; }

    // A year right after a month or "l'année": four digits, or two ("octobre 98").
    int yearAfterAt(int i, int *year) const
    {
        if (!isNumber(i) || !follows(i) || (has(i + 1) && t[i + 1].joined && t[i + 1].kind != Kind::Punct))
            return -1;
        if (t[i].digits == 4 && t[i].number >= 1000 && t[i].number <= 2999) {
            *year = t[i].number;
            return i + 1;
        }
        if (t[i].digits == 2 && !(isWord(i + 1) && !in(i + 1, lx.weakYearCues) && !in(i + 1, lx.determiners))
            && !(is(i + 1, u":") || is(i + 1, u"h") || is(i + 1, u"%"))) {
            *year = -(t[i].number + 1);  // two-digit year, century chosen at resolution
            return i + 1;
        }
        return -1;
    }

    int markerAt(int i, Direction *direction) const
    {
        if (!follows(i))
            return i;
        if (in(i, lx.pastMarkers)) {
            *direction = Direction::StrictlyPast;
            return i + 1;
        }
        if (in(i, lx.futureMarkers)) {
            *direction = Direction::StrictlyFuture;
            return i + 1;
        }
        return i;
    }

    // A clock time at i: "21 h 45", "18h", "à midi". Returns the token after it or -1.
    int clockAt(int i) const
    {
        if (isNumber(i) && t[i].digits <= 2 && t[i].number <= 24 && follows(i + 1) && is(i + 1, u"h")) {
            if (isNumber(i + 2) && follows(i + 2) && t[i + 2].digits == 2 && t[i + 2].number < 60)
                return i + 3;
            return i + 2;
        }
        if (isNumber(i) && t[i].digits <= 2 && t[i].number <= 24 && is(i + 1, u":") && t[i + 1].joined
            && isNumber(i + 2) && t[i + 2].joined && t[i + 2].digits == 2 && t[i + 2].number < 60
            && !(is(i + 3, u":") && t[i + 3].joined))
            return i + 3;
        return -1;
    }

    // A part of the day after a day widens the expression: "hier soir", "mardi après-midi".
    // A clock time stays an expression of its own, as TimeML annotates it.
    int dayTimeAfter(int i) const
    {
        const FrenchDateLexicon::Phrase *phrase = nullptr;
        if (const int end = phraseAt(i, PhraseKind::PartOfDay, &phrase); end > 0 && follows(i))
            return end;
        return i;
    }

    bool plausibleBareYear(int i) const
    {
        const DateToken &token = t[i];
        if (token.digits != 4 || token.number < 1000 || token.number > 2100)
            return false;
        if (has(i + 1) && t[i + 1].joined
            && (t[i + 1].kind != Kind::Punct || ((is(i + 1, u",") || is(i + 1, u".")) && isNumber(i + 2) && t[i + 2].joined)))
            return false;  // "2000e", "2002,5", "1999.5"
        if (has(i + 1) && t[i + 1].joined && (is(i + 1, u"-") || is(i + 1, u"/")) && isNumber(i + 2) && t[i + 2].joined)
            return false;  // a reference number: "loi 2022-145"
        if (isNumber(i - 1) && !t[i].breakBefore)
            return false;  // "1 2000", thousands
        if (is(i + 1, u"%") || is(i + 1, u"€") || is(i + 1, u"$") || is(i + 1, u"°"))
            return false;
        const bool strongCue = in(i - 1, lx.yearCues) && follows(i);
        if (!strongCue && (token.number < 1900 || token.number > 2100))
            return false;
        // A lower-case word after the number makes it a quantity ("2000 personnes"), unless
        // a strong cue precedes it or the word is a linking word ("de 1998 à 2002").
        if (strongCue)
            return true;
        if (!has(i + 1) || t[i + 1].breakBefore || sentenceStart(i))
            return true;  // French spells out a number that opens a sentence
        if (t[i + 1].kind != Kind::Word)
            return true;
        if (t[i + 1].capitalized)
            return true;
        if (in(i + 1, lx.weakYearCues) || in(i + 1, lx.determiners)) {
            // "de 2000 à 5000 personnes" is a range of quantities
            return !(isNumber(i + 2) && !(t[i + 2].digits == 4 && t[i + 2].number >= 1900 && t[i + 2].number <= 2100));
        }
        return false;
    }

    Underspecified make(int first, int last, ShapeKind shape = ShapeKind::Calendar) const
    {
        Underspecified u;
        u.firstToken = first;
        u.lastToken = last;
        u.start = t[first].start;
        u.end = t[last - 1].end;
        u.shape = shape;
        return u;
    }

    void setYear(Underspecified &u, int year) const
    {
        u.year = year;
        u.explicitYear = year != 0;
    }

    // ---- patterns ----------------------------------------------------------------------
    // Tries every pattern at token i; appends what it finds and returns the token after it.
    int matchAt(int i, std::vector<Underspecified> &found) const
    {
        if (isWord(i) && in(i, lx.phraseOnlyOpeners) && !(isWord(i + 1) && isA(i + 1, Class::Unit))) {
            // Only the multi-word entries can start here: "de" nos jours, "chaque" mois, "fin" 2014.
            if (int end = phraseDateAt(i, found); end > 0)
                return end;
            if (int end = recurrenceAt(i, found); end > 0)
                return end;
            return modifiedAt(i, found);
        }
        if (int end = numericAt(i, found); end > 0)
            return end;
        int withDeterminer = in(i, lx.determiners) && follows(i + 1) ? i + 1 : i;
        if (withDeterminer != i && is(withDeterminer, u"même") && lookup(i + 2, lx.weekdays) > 0 && follows(i + 2))
            withDeterminer = i + 2;  // "ce même lundi"
        if (int end = phraseDateAt(i, found); end > 0)
            return end;
        if (int end = recurrenceAt(i, found); end > 0)
            return end;
        if (int end = modifiedAt(i, found); end > 0)
            return end;
        if (int end = agoAt(i, found); end > 0)
            return end;
        if (int end = laterAt(i, found); end > 0)
            return end;
        if (int end = centuryAt(i, found); end > 0)
            return end;
        if (int end = withDeterminer != i ? calendarAt(i, withDeterminer, found) : -1; end > 0)
            return end;
        if (int end = calendarAt(i, i, found); end > 0)
            return end;
        if (int end = seasonAt(i, found); end > 0)
            return end;
        if (int end = quarterAt(i, found); end > 0)
            return end;
        if (int end = yearAt(i, found); end > 0)
            return end;
        if (int end = clockAt(i); end > 0 && !(has(i - 1) && t[i - 1].key == u":" && t[i - 1].joined)) {
            found.push_back(make(i, end, ShapeKind::Clock));
            found.back().anchor = Anchor::Mentioned;
            return end;
        }
        if ((is(i, u"à") || is(i, u"vers")) && in(i + 1, lx.clockWords) && follows(i + 1)) {
            found.push_back(make(i + 1, i + 2, ShapeKind::Clock));
            found.back().anchor = Anchor::Mentioned;
            return i + 2;
        }
        return -1;
    }

    // "24/02/2022", "24.02.2022", "2022-02-24", and year ranges "2002/2003", "1914-1918".
    int numericAt(int i, std::vector<Underspecified> &found) const
    {
        if (!isNumber(i) || !isNumber(i + 2) || !has(i + 1) || !t[i + 1].joined || !t[i + 2].joined)
            return -1;
        const QStringView sep = t[i + 1].key;
        if (sep != u"/" && sep != u"." && sep != u"-")
            return -1;
        const bool third = isNumber(i + 4) && is(i + 3, sep) && t[i + 3].joined && t[i + 4].joined;
        if (third && (has(i + 5) && t[i + 5].joined && (is(i + 5, sep) || isNumber(i + 5))))
            return -1;
        if (third && t[i].digits == 4 && sep == u"-" && t[i + 2].digits == 2 && t[i + 4].digits == 2) {
            const DateValue value = DateValue::ofDay(t[i].number, t[i + 2].number, t[i + 4].number);
            if (!value.isValid())
                return -1;
            Underspecified u = make(i, i + 5);
            setYear(u, value.year());
            u.month = value.month();
            u.day = value.day();
            found.push_back(u);
            return i + 5;
        }
        if (third && t[i].digits <= 2 && t[i + 2].digits <= 2 && (t[i + 4].digits == 4 || (t[i + 4].digits == 2 && sep == u"/"))) {
            const int year = t[i + 4].digits == 4 ? t[i + 4].number : -(t[i + 4].number + 1);
            if (!DateValue::ofDay(2000, t[i + 2].number, t[i].number).isValid())  // 2000 was a leap year: 29/02 passes
                return -1;
            Underspecified u = make(i, i + 5);
            setYear(u, year);
            u.month = t[i + 2].number;
            u.day = t[i].number;
            found.push_back(u);
            return i + 5;
        }
        if (!third && sep != u"." && t[i].digits == 4 && t[i + 2].digits == 4 && t[i].number >= 1800
            && t[i].number <= 2100 && t[i + 2].number > t[i].number && t[i + 2].number - t[i].number <= 30
            && !(has(i + 3) && t[i + 3].joined && t[i + 3].kind != Kind::Punct)) {
            for (const int k : {i, i + 2}) {
                Underspecified u = make(k, k + 1);
                setYear(u, t[k].number);
                found.push_back(u);
            }
            return i + 3;
        }
        return -1;
    }

    // Entries of the relative, anchored, holiday and vague tables.
    int phraseDateAt(int i, std::vector<Underspecified> &found) const
    {
        const FrenchDateLexicon::Phrase *phrase = nullptr;
        int end = phraseAt(i, PhraseKind::Relative, &phrase);
        Anchor anchor = Anchor::Reference;
        if (end < 0) {
            end = phraseAt(i, PhraseKind::Anchored, &phrase);
            anchor = Anchor::Mentioned;
        }
        if (end > 0) {
            Underspecified u = make(i, end, ShapeKind::Offset);
            u.unit = phrase->unit;
            u.offset = phrase->offset;
            u.nextFromMonth = phrase->nextFromMonth;
            u.anchor = anchor;
            if (u.unit == DateUnit::Day) {
                if (lookup(end, lx.weekdays) > 0 && follows(end))
                    ++end;  // "aujourd'hui vendredi"
                end = dayTimeAfter(end);
            }
            return push(found, u, end);
        }
        if (end = phraseAt(i, PhraseKind::SameTimeOfYear, &phrase); end > 0) {
            Underspecified u = make(i, end, ShapeKind::Offset);
            u.unit = DateUnit::Month;
            u.anchor = Anchor::Mentioned;
            u.sameTimeOfYear = true;
            return push(found, u, end);
        }
        if (end = anchoredPartOfDayAt(i, found); end > 0)
            return end;
        if (end = phraseAt(i, PhraseKind::Vague, &phrase); end > 0) {
            Underspecified u = make(i, end, phrase->tag == u"PRESENT_REF" ? ShapeKind::Present : ShapeKind::Literal);
            u.literal = phrase->tag.toString();
            return push(found, u, end);
        }
        // Movable feasts are proper names: "la Pentecôte", not "l'ascension du col".
        const int feast = in(i, lx.determiners) && follows(i + 1) ? i + 1 : i;
        end = phraseAt(feast, PhraseKind::MovableHoliday, &phrase);
        bool movable = false;
        for (int k = feast; k < end && !movable; ++k)
            movable = t[k].capitalized;
        if (!movable)
            end = phraseAt(i, PhraseKind::Holiday, &phrase);
        if (end > 0 && !(isWord(end) && t[end].capitalized && follows(end))) {
            Underspecified u = make(i, end);
            u.movable = movable;
            u.easterOffset = movable ? phrase->offset : 0;
            u.month = movable ? 0 : phrase->offset;
            u.day = movable ? 0 : phrase->day;
            int year = 0;
            if (const int after = yearAfterAt(end, &year); after > 0 && year > 0) {
                setYear(u, year);
                end = after;
            }
            end = markerAt(end, &u.direction);
            return push(found, u, end);
        }
        return -1;
    }

    // Closes `u` at token `end` and keeps it.
    int push(std::vector<Underspecified> &found, Underspecified u, int end) const
    {
        u.lastToken = end;
        u.end = t[end - 1].end;
        found.push_back(std::move(u));
        return end;
    }

    // Whether the words right before token i are one of the cues of an anchored part of the day.
    bool partOfDayCueBefore(int i) const
    {
        for (const auto &cue : lx.partOfDayCues) {
            const int size = int(cue.size());
            bool ok = i - size >= 0 && !t[i].breakBefore;
            for (int k = 0; k < size && ok; ++k)
                ok = t[i - size + k].key == cue[size_t(k)] && (k == 0 || follows(i - size + k));
            if (ok)
                return true;
        }
        return false;
    }

    // "dans la nuit", "au cours de la soirée": the last day mentioned. "la nuit de mardi à
    // mercredi", "la nuit du 3 au 4 mai" name the day the night begins on.
    int anchoredPartOfDayAt(int i, std::vector<Underspecified> &found) const
    {
        const FrenchDateLexicon::Phrase *phrase = nullptr;
        const int end = phraseAt(i, PhraseKind::AnchoredPartOfDay, &phrase);
        if (end < 0 || !partOfDayCueBefore(i))
            return -1;
        if ((is(end, u"de") || is(end, u"du")) && follows(end) && follows(end + 1)) {
            std::vector<Underspecified> sub;
            int k = calendarAt(end + 1, end + 1, sub);
            if (k > 0 && !sub.empty() && (sub.front().weekday > 0 || sub.front().day > 0)) {
                if ((is(k, u"à") || is(k, u"au")) && follows(k) && follows(k + 1) && lookup(k + 1, lx.weekdays) > 0)
                    k += 2;
                Underspecified u = sub.front();
                u.start = t[i].start;
                u.firstToken = i;
                return push(found, u, k);
            }
        }
        Underspecified u = make(i, end, ShapeKind::Offset);
        u.unit = DateUnit::Day;
        u.anchor = Anchor::Mentioned;
        return push(found, u, end);
    }

    // A count at token i: "3", "trois", "vingt-deux". -1 if none.
    int countAt(int i) const
    {
        if (isNumber(i) && t[i].digits <= 3)
            return t[i].number;
        if (isWord(i))
            return lx.numberWordValue(t[i]);
        return -1;
    }

    // "deux jours plus tard", "trois ans auparavant": counted from the last date mentioned.
    int laterAt(int i, std::vector<Underspecified> &found) const
    {
        const int count = countAt(i);
        if (count <= 0 || !follows(i + 1) || !isWord(i + 1) || !follows(i + 2))
            return -1;
        const auto unit = lx.units.find(t[i + 1].key, t[i + 1].keyHash);
        if (unit == lx.units.end())
            return -1;
        const FrenchDateLexicon::Phrase *phrase = nullptr;
        int sign = 1;
        int end = phraseAt(i + 2, PhraseKind::Later, &phrase);
        if (end < 0) {
            end = phraseAt(i + 2, PhraseKind::Earlier, &phrase);
            sign = -1;
        }
        // A lone "après" or "avant" before a noun is a preposition: "trois ans après la guerre".
        if (end < 0 || (end == i + 3 && isWord(end) && follows(end)))
            return -1;
        Underspecified u = make(i, end, ShapeKind::Offset);
        u.unit = unit->second;
        u.offset = sign * count;
        u.anchor = Anchor::Mentioned;
        return push(found, u, end);
    }

    // Recurrences, which TimeML values as sets: "chaque mois", "tous les deux ans", "tous les jeudis".
    int recurrenceAt(int i, std::vector<Underspecified> &found) const
    {
        const FrenchDateLexicon::Phrase *phrase = nullptr;
        int k = phraseAt(i, PhraseKind::SetWord, &phrase);
        if (k < 0 || !follows(k) || !isWord(k))
            return -1;
        int count = 1;
        if (const int c = countAt(k); c > 1 && isWord(k + 1) && follows(k + 1)) {
            count = c;
            ++k;
        }
        QStringView word = t[k].key;
        if (const auto unit = lx.setUnits.find(word); unit != lx.setUnits.end()) {
            Underspecified u = make(i, k + 1, ShapeKind::Literal);
            u.literal = u'P' + QString::number(count) + unit->second;
            return push(found, u, k + 1);
        }
        if (word.endsWith(u's'))
            word.chop(1);  // "tous les jeudis"
        if (const auto weekday = lx.weekdays.find(word); weekday != lx.weekdays.end() && count == 1) {
            Underspecified u = make(i, k + 1, ShapeKind::Literal);
            u.literal = u"XXXX-WXX-" + QString::number(weekday->second);
            return push(found, u, k + 1);
        }
        return -1;
    }

    // "le XIXe siècle", "au 20e siècle": TimeML writes a century as its first two digits, "18".
    int centuryAt(int i, std::vector<Underspecified> &found) const
    {
        const int j = in(i, lx.determiners) && follows(i + 1) ? i + 1 : i;
        int ordinal = -1;
        int k = j;
        if (isNumber(j) && t[j].digits <= 2 && isWord(j + 1) && t[j + 1].joined
            && (is(j + 1, u"e") || is(j + 1, u"ème") || is(j + 1, u"è"))) {
            ordinal = t[j].number;
            k = j + 2;
        } else if (isWord(j)) {
            QStringView word = t[j].key;
            for (const QStringView suffix : {u"ème", u"è", u"e"}) {
                if (word.size() > suffix.size() && hasSuffix(word, suffix)) {
                    word.chop(suffix.size());
                    break;
                }
            }
            if (word.size() < t[j].key.size())
                ordinal = FrenchDateLexicon::romanValue(word);
            k = j + 1;
        }
        if (ordinal < 1 || ordinal > 21 || !in(k, lx.centuryWords) || !follows(k))
            return -1;
        Underspecified u = make(i, k + 1, ShapeKind::Literal);
        u.literal = QString::number(ordinal - 1).rightJustified(2, u'0');
        return push(found, u, k + 1);
    }

    // "début 2014", "mi-mars", "fin février 2022", "la fin de l'année dernière".
    int modifiedAt(int i, std::vector<Underspecified> &found) const
    {
        int inner = -1;
        if (isWord(i) && startsWithMi(t[i].key) && lx.months.contains(t[i].key.mid(3))) {
            Underspecified u = make(i, i + 1);
            u.month = lx.months.at(t[i].key.mid(3));
            int year = 0;
            int end = i + 1;
            if (const int after = yearAfterAt(end, &year); after > 0) {
                setYear(u, year);
                end = after;
            }
            end = markerAt(end, &u.direction);
            u.lastToken = end;
            u.end = t[end - 1].end;
            found.push_back(u);
            return end;
        }
        const FrenchDateLexicon::Phrase *phrase = nullptr;
        inner = phraseAt(i, PhraseKind::Modifier, &phrase);
        if (inner < 0 || !follows(inner))
            return -1;
        if (is(inner, u"-"))
            ++inner;  // "mi-mars" written with a spaced dash
        std::vector<Underspecified> sub;
        int end = phraseDateAt(inner, sub);
        if (end < 0) {
            const int j = in(inner, lx.determiners) ? inner + 1 : inner;
            end = calendarAt(inner, j, sub);
            if (end < 0 && j != inner)
                end = calendarAt(inner, inner, sub);
        }
        if (end < 0)
            end = seasonAt(inner, sub);
        if (end < 0 && isNumber(inner) && plausibleBareYear(inner)) {
            sub.push_back(make(inner, inner + 1));
            setYear(sub.back(), t[inner].number);
            end = inner + 1;
        }
        if (end < 0 && (is(inner, u"l'") || is(inner, u"la")) && is(inner + 1, u"année") && follows(inner + 1)) {
            sub.push_back(make(inner, inner + 2, ShapeKind::Offset));
            sub.back().unit = DateUnit::Year;
            sub.back().anchor = Anchor::Reference;
            end = inner + 2;
        }
        if (end < 0 || sub.size() != 1 || sub.front().shape == ShapeKind::Clock)
            return -1;
        Underspecified u = sub.front();
        u.start = t[i].start;
        u.firstToken = i;
        found.push_back(u);
        return end;
    }

    // "il y a trois ans", "dans deux semaines".
    int agoAt(int i, std::vector<Underspecified> &found) const
    {
        int j = -1;
        int sign = 0;
        if (is(i, u"il") && is(i + 1, u"y") && is(i + 2, u"a") && follows(i + 1) && follows(i + 2)) {
            j = i + 3;
            sign = -1;
        } else if (is(i, u"dans")) {
            j = i + 1;
            sign = 1;
        }
        if (j < 0 || !follows(j))
            return -1;
        int count = -1;
        if (isNumber(j) && t[j].digits <= 3)
            count = t[j].number;
        else if (isWord(j))
            count = lx.numberWordValue(t[j]);
        if (count <= 0 || !follows(j + 1))
            return -1;
        const auto unit = lx.units.find(has(j + 1) ? t[j + 1].key : QStringView());
        if (unit == lx.units.end() || !isWord(j + 1))
            return -1;
        Underspecified u = make(i, j + 2, ShapeKind::Offset);
        u.unit = unit->second;
        u.offset = sign * count;
        u.anchor = Anchor::Reference;
        found.push_back(u);
        return j + 2;
    }

    // Weekdays, days and months: "le mercredi 1er mai 2002", "mardi dernier", "les 8 et 9 juillet",
    // "du 3 au 5 septembre", "le mois de juin", "septembre 2001". `i` is where the expression
    // starts (a determiner), `j` where its date words start.
    int calendarAt(int i, int j, std::vector<Underspecified> &found) const
    {
        Underspecified u;
        int k = j;
        u.weekday = lookup(k, lx.weekdays);
        if (u.weekday > 0)
            ++k;
        int day = 0;
        int afterDay = (u.weekday > 0 && !follows(k)) ? -1 : dayAt(k, &day);
        if (afterDay > 0 && !follows(afterDay))
            afterDay = -1;
        // "mardi 12" names a day without its month; a noun after the number makes it a count.
        const bool score = (is(afterDay, u"à") || is(afterDay, u"-")) && isNumber(afterDay + 1)
            && clockAt(afterDay + 1) < 0;  // "battu mardi 3 à 1"
        const int bareDayEnd = u.weekday > 0 && afterDay > 0 && isNumber(k) && monthAt(afterDay) == 0 && !score
                && (!isWord(afterDay) || in(afterDay, lx.afterBareDay) || dayTimeAfter(afterDay) > afterDay)
            ? afterDay
            : -1;
        // A second day sharing the month: "les 8 et 9 juillet", "du 3 au 5 septembre".
        int secondDay = 0;
        int secondStart = -1;
        if (afterDay > 0 && monthAt(afterDay) == 0
            && (is(afterDay, u"et") || is(afterDay, u"au") || is(afterDay, u"-") || is(afterDay, u","))) {
            int end2 = dayAt(afterDay + 1, &secondDay);
            if (end2 > 0 && monthAt(end2) > 0 && follows(afterDay + 1)) {
                secondStart = afterDay + 1;
                afterDay = end2;
            } else {
                afterDay = -1;
            }
        }
        const bool bareDay = bareDayEnd > 0 && secondStart < 0;
        if (bareDay) {
            u.day = day;
            k = bareDayEnd;
        } else if (afterDay > 0 && monthAt(afterDay) > 0) {
            u.day = day;
            k = afterDay;
        } else if (u.weekday == 0 && !(is(j, u"mois") && (is(j + 1, u"de") || is(j + 1, u"d'")))) {
            if (monthAt(j) == 0)
                return -1;
        } else if (is(j, u"mois")) {
            k = j + 2;
            if (monthAt(k) == 0)
                return -1;
        }
        u.month = bareDay ? 0 : monthAt(k);
        if (bareDay) {
            // the month comes from the reference at resolution
        } else if (u.month > 0 && (u.weekday == 0 || u.day > 0 || is(k - 1, u"de") || is(k - 1, u"d'"))) {
            const bool abbreviated = in(k, lx.abbreviatedMonths);
            ++k;
            if (has(k) && t[k].key == u"." && t[k].joined && abbreviated)
                ++k;
            int year = 0;
            if (const int after = yearAfterAt(k, &year); after > 0) {
                setYear(u, year);
                k = after;
            } else if (abbreviated && u.day == 0) {
                return -1;  // "sept" alone is seven
            }
        } else {
            u.month = 0;
            if (u.weekday == 0)
                return -1;
            // A weekday without a date.
        }
        // A capitalised month alone inside a sentence is a name: "le maréchal Juin".
        if (u.day == 0 && u.year == 0 && u.weekday == 0 && j == i && t[j].capitalized && !sentenceStart(j))
            return -1;
        k = markerAt(k, &u.direction);
        if (u.day > 0 || u.weekday > 0)
            k = dayTimeAfter(k);
        const int start = (j > i) ? i : j;
        Underspecified expression = make(start, k);
        expression.weekday = u.weekday;
        expression.day = u.day;
        expression.month = u.month;
        setYear(expression, u.year);
        expression.direction = u.direction;
        if (secondStart > 0) {
            Underspecified first = expression;
            first.lastToken = secondStart - 1;
            first.end = t[secondStart - 2].end;
            first.weekday = 0;
            Underspecified second = expression;
            second.firstToken = secondStart;
            second.start = t[secondStart].start;
            second.day = secondDay;
            // "du 3": the preposition stays out of the expression, like "en" in "en 2014"
            found.push_back(first);
            found.push_back(second);
        } else {
            found.push_back(expression);
        }
        return k;
    }

    bool seasonWord(int i) const { return isWord(i) && in(i, lx.seasons); }

    // Seasons need a determiner or a year around them: "été" alone is also a participle.
    // "les mois d'été" and "été comme hiver" name no particular one.
    int seasonAt(int i, std::vector<Underspecified> &found) const
    {
        if (is(i, u"les") && is(i + 1, u"mois") && is(i + 2, u"d'") && seasonWord(i + 3) && follows(i + 1)
            && follows(i + 2) && follows(i + 3)) {
            Underspecified u = make(i, i + 4, ShapeKind::Season);
            u.season = lx.seasons.at(t[i + 3].key);
            u.generic = true;
            return push(found, u, i + 4);
        }
        if (seasonWord(i) && in(i + 1, lx.genericSeasonLinks) && seasonWord(i + 2) && follows(i + 1) && follows(i + 2)
            && !is(i - 1, u"d'") && !isNumber(i + 3)) {
            for (const int k : {i, i + 2}) {
                Underspecified u = make(k, k + 1, ShapeKind::Season);
                u.season = lx.seasons.at(t[k].key);
                u.generic = true;
                found.push_back(u);
            }
            return i + 3;
        }
        int j = i;
        bool resolvable = true;
        if (in(i, lx.determiners) && !is(i, u"les")) {
            j = i + 1;
        } else if (is(i - 1, u"en")) {
            resolvable = false;  // "en été": any summer
        } else if (!is(i - 1, u"au")) {
            // "d'hiver" qualifies a noun ("les jeux d'hiver"); a year makes it a date
            resolvable = false;
            if (!isNumber(i + 1))
                return -1;
        }
        const auto season = lx.seasons.find(has(j) ? t[j].key : QStringView());
        if (season == lx.seasons.end() || !follows(j) || !isWord(j))
            return -1;
        Underspecified u = make(i, j + 1, ShapeKind::Season);
        u.season = season->second;
        int end = j + 1;
        int year = 0;
        if (isNumber(end) && follows(end) && t[end].digits == 4 && yearAfterAt(end, &year) > 0) {
            setYear(u, year);
            ++end;
        }
        end = markerAt(end, &u.direction);
        u.generic = u.year == 0 && u.direction == Direction::Unknown && !resolvable;
        u.lastToken = end;
        u.end = t[end - 1].end;
        found.push_back(u);
        return end;
    }

    // "le premier trimestre 2023", "au troisième trimestre".
    int quarterAt(int i, std::vector<Underspecified> &found) const
    {
        const int j = in(i, lx.determiners) ? i + 1 : i;
        const int ordinal = lookup(j, lx.ordinals);
        if (ordinal < 1 || ordinal > 4 || !in(j + 1, lx.quarterWords) || !follows(j + 1))
            return -1;
        Underspecified u = make(i, j + 2, ShapeKind::Quarter);
        u.quarter = ordinal;
        int end = j + 2;
        int year = 0;
        if (isNumber(end) && t[end].digits == 4 && yearAfterAt(end, &year) > 0) {
            setYear(u, year);
            ++end;
        }
        end = markerAt(end, &u.direction);
        u.lastToken = end;
        u.end = t[end - 1].end;
        found.push_back(u);
        return end;
    }

    // "en 2014", "depuis 1999", "l'année 2001", "les années 90".
    int yearAt(int i, std::vector<Underspecified> &found) const
    {
        const FrenchDateLexicon::Phrase *phrase = nullptr;
        if (const int end = phraseAt(i, PhraseKind::Decade, &phrase); end > 0 && isWord(end) && follows(end)) {
            // "les années trente", "les années quatre-vingt": the twentieth century's
            const int value = lx.numberWordValue(t[end]);
            if (value < 20 || value > 90 || value % 10 != 0)
                return -1;
            Underspecified u = make(i, end + 1, ShapeKind::Decade);
            u.decade = 190 + value / 10;
            return push(found, u, end + 1);
        }
        if (const int end = phraseAt(i, PhraseKind::Decade, &phrase); end > 0 && isNumber(end) && follows(end)) {
            const int digits = t[end].digits;
            const int value = t[end].number;
            int decade = 0;
            if (digits == 4 && value >= 1000 && value <= 2990 && value % 10 == 0)
                decade = value / 10;
            else if (digits == 2 && value % 10 == 0)
                decade = 190 + value / 10;
            if (decade == 0)
                return -1;
            Underspecified u = make(i, end + 1, ShapeKind::Decade);
            u.decade = decade;
            found.push_back(u);
            return end + 1;
        }
        int j = i;
        if ((is(i, u"l'") || is(i, u"année")) && follows(i + 1)) {
            j = is(i, u"l'") ? i + 2 : i + 1;
            if (j == i + 2 && !is(i + 1, u"année") && !is(i + 1, u"an"))
                return -1;
            int year = 0;
            if (yearAfterAt(j, &year) < 0 || year <= 0)
                return -1;
            Underspecified u = make(i, j + 1);
            setYear(u, year);
            found.push_back(u);
            return j + 1;
        }
        if (!isNumber(i) || !plausibleBareYear(i))
            return -1;
        Underspecified u = make(i, i + 1);
        setYear(u, t[i].number);
        found.push_back(u);
        return i + 1;
    }
};

// ---- tense -------------------------------------------------------------------------------

class TenseReader
{
public:
    TenseReader(const FrenchDateLexicon &lexicon, const std::vector<DateToken> &tokens)
        : lx(lexicon), t(tokens), n(int(tokens.size()))
    {
    }

    // The tense of the verb nearest to the expression within its sentence.
    Direction around(int first, int last) const
    {
        constexpr int window = 10;
        bool leftOpen = true;
        bool rightOpen = true;
        for (int distance = 1; distance <= window && (leftOpen || rightOpen); ++distance) {
            const int left = first - distance;
            leftOpen = leftOpen && left >= 0 && !t[left + 1].breakBefore && !sentenceEnd(left);
            if (leftOpen) {
                if (const Direction cue = cueAt(left); cue != Direction::Unknown)
                    return cue;
            }
            const int right = last - 1 + distance;
            rightOpen = rightOpen && right < n && !t[right].breakBefore && !sentenceEnd(right);
            if (rightOpen) {
                if (const Direction cue = cueAt(right); cue != Direction::Unknown)
                    return cue;
            }
        }
        return Direction::Unknown;
    }

private:
    const FrenchDateLexicon &lx;
    const std::vector<DateToken> &t;
    const int n;

    bool sentenceEnd(int i) const
    {
        const QStringView key = t[i].key;
        return t[i].kind == Kind::Punct && (key == u"." || key == u"!" || key == u"?" || key == u";");
    }

    bool participle(int i) const
    {
        return i < n && t[i].kind == Kind::Word && !tokenIn(t[i], lx.notVerbs)
            && FrenchDateLexicon::endsWithAny(t[i].key, lx.participleEndings);
    }

    Direction cueAt(int i) const
    {
        if (t[i].kind != Kind::Word)
            return Direction::Unknown;
        const QStringView key = t[i].key;
        if (tokenIn(t[i], lx.futureWords))
            return Direction::Future;
        if (tokenIn(t[i], lx.goVerbs) && i + 1 < n
            && FrenchDateLexicon::endsWithAny(t[i + 1].key, lx.infinitiveEndings))
            return Direction::Future;
        if (tokenIn(t[i], lx.auxiliaries)) {
            for (int k = i + 1; k <= i + 3 && k < n && t[k].kind == Kind::Word; ++k) {
                if (tokenIn(t[k], lx.futureWords))
                    return Direction::Future;
                if (participle(k))
                    return Direction::Past;
            }
        }
        if (tokenIn(t[i], lx.pastWords))
            return Direction::Past;
        if (tokenIn(t[i], lx.notVerbs) || t[i].capitalized)
            return Direction::Unknown;
        if (FrenchDateLexicon::endsWithAny(key, lx.futureEndings))
            return Direction::Future;
        if (FrenchDateLexicon::endsWithAny(key, lx.pastEndings))
            return Direction::Past;
        return Direction::Unknown;
    }
};

// ---- resolution --------------------------------------------------------------------------

class Resolver
{
public:
    explicit Resolver(const DateValue &reference) : m_reference(reference) {}

    TimeExpression resolve(const Underspecified &u, Direction tense)
    {
        m_referenceStandIn = false;
        TimeExpression out;
        out.start = u.start;
        out.end = u.end;
        out.explicitYear = u.explicitYear;
        const Direction direction = u.direction != Direction::Unknown ? u.direction : tense;
        try {
            resolveShape(u, direction, out);
        } catch (const std::out_of_range &) {
            // Boost's calendar ends at 1400 and 9999: "two days before 2 January 1400" has no date.
            out.date = {};
            out.value.clear();
        }
        out.referenceStandIn = m_referenceStandIn && out.date.isValid();
        if (out.date.isValid() && u.shape != ShapeKind::Clock && u.shape != ShapeKind::Present) {
            m_lastMentioned = out.date;
            if (out.date.precision() == Precision::Day)
                m_lastDay = out.date;
        }
        return out;
    }

private:
    void resolveShape(const Underspecified &u, Direction direction, TimeExpression &out)
    {
        switch (u.shape) {
        case ShapeKind::Calendar: calendar(u, direction, out); break;
        case ShapeKind::Offset: offset(u, direction, out); break;
        case ShapeKind::Clock: {
            const DateValue base = m_lastDay.isValid() ? m_lastDay : anchor(Anchor::Reference);
            out.date = base;
            out.value = base.toIso();
            break;
        }
        case ShapeKind::Season: season(u, direction, out); break;
        case ShapeKind::Quarter: quarter(u, direction, out); break;
        case ShapeKind::Decade: out.value = QString::number(u.decade); break;
        case ShapeKind::Literal: out.value = u.literal; break;
        case ShapeKind::Present:
            // FR-TimeBank values a present that is scored as a date by the day of writing.
            out.date = m_reference;
            out.value = m_reference.isValid() ? m_reference.toIso() : u.literal;
            break;
        }
    }

    DateValue m_reference;
    DateValue m_lastMentioned;
    DateValue m_lastDay;
    bool m_referenceStandIn = false;  // the expression being resolved used a mention for the reference

    DateValue anchor(Anchor kind)
    {
        if (kind == Anchor::Mentioned)
            return m_lastMentioned.isValid() ? m_lastMentioned : m_reference;
        if (m_reference.isValid())
            return m_reference;
        m_referenceStandIn = m_lastMentioned.isValid();
        return m_lastMentioned;
    }

    DateValue anchorFor(const Underspecified &u)
    {
        if (u.anchor == Anchor::Mentioned && u.unit == DateUnit::Day && m_lastDay.isValid())
            return m_lastDay;
        return anchor(u.anchor);
    }

    // A two-digit year is the one at most ten years after the reference: "98" is 1998 in 2003.
    int fullYear(int year)
    {
        if (year >= 0)
            return year;
        const int yy = -year - 1;
        const DateValue base = anchor(Anchor::Reference);
        if (!base.isValid())
            return yy <= 30 ? 2000 + yy : 1900 + yy;
        const int candidate = base.year() / 100 * 100 + yy;
        return candidate > base.year() + 10 ? candidate - 100 : candidate;
    }

    // Picks the year of a month (and day) among the neighbours of `base`'s year.
    static int chooseYear(const DateValue &base, int month, int day, Direction direction)
    {
        const int year = base.year();
        if (base.precision() == Precision::Year)
            return year;
        const auto key = [](int m, int d) { return m * 100 + d; };
        const int here = key(base.month(), base.precision() == Precision::Day && day > 0 ? base.day() : 0);
        const int there = key(month, base.precision() == Precision::Day ? day : 0);
        switch (direction) {
        case Direction::Past: return there <= here ? year : year - 1;
        case Direction::StrictlyPast: return there < here ? year : year - 1;
        case Direction::Future: return there >= here ? year : year + 1;
        case Direction::StrictlyFuture: return there > here ? year : year + 1;
        case Direction::Unknown: break;
        }
        // The nearest one; six months either way stays in the same year.
        const int months = month - base.month();
        if (months > 6)
            return year - 1;
        if (months < -6)
            return year + 1;
        return year;
    }

    // "vendredi 14 juin" names its year: the nearest one where the 14th of June is a Friday.
    static int yearOfWeekday(int year, int month, int day, int weekday)
    {
        for (const int candidate : {year, year - 1, year + 1}) {
            const DateValue date = DateValue::ofDay(candidate, month, day);
            if (date.isValid() && (date.firstDay().day_of_week().as_number() + 6) % 7 + 1 == weekday)
                return candidate;
        }
        return year;
    }

    // The nearest month around `base` whose day `day` falls on `weekday`: "mardi 12".
    static DateValue dayOfWeekdayAround(const DateValue &base, int day, int weekday)
    {
        const greg::date first = base.firstDay();
        std::optional<greg::date> best;
        for (const int shift : {0, -1, 1}) {
            const greg::date month = greg::date(first.year(), first.month(), 1) + greg::months(shift);
            const DateValue candidate = DateValue::ofDay(month.year(), month.month(), day);
            if (!candidate.isValid() || (candidate.firstDay().day_of_week().as_number() + 6) % 7 + 1 != weekday)
                continue;
            const auto distance = [&](const greg::date &d) { return std::abs((d - first).days()); };
            if (!best || distance(candidate.firstDay()) < distance(*best))
                best = candidate.firstDay();
        }
        return best ? DateValue::fromBoost(*best, Precision::Day) : DateValue();
    }

    // A movable feast: its date in the year named, or the one the tense points to.
    void movableFeast(const Underspecified &u, Direction direction, TimeExpression &out)
    {
        const auto feast = [&](int year) { return easterSunday(year) + greg::days(u.easterOffset); };
        if (u.year != 0) {
            const int year = fullYear(u.year);
            if (year >= 1583 && year <= 9999)
                out.date = DateValue::fromBoost(feast(year), Precision::Day);
            out.value = out.date.toIso();
            return;
        }
        const DateValue base = anchor(Anchor::Reference);
        if (!base.isValid() || base.year() < 1584 || base.year() > 9998) {
            out.value = u"XXXX-XX-XX"_s;
            return;
        }
        if (base.precision() == Precision::Year) {
            out.date = base;
            out.value = base.toIso();
            return;
        }
        const greg::date day = base.firstDay();
        greg::date date = feast(base.year());
        const bool past = direction == Direction::Past || direction == Direction::StrictlyPast;
        const bool future = direction == Direction::Future || direction == Direction::StrictlyFuture;
        if (past && day < date)
            date = feast(base.year() - 1);
        else if (future && date < day)
            date = feast(base.year() + 1);
        out.date = DateValue::fromBoost(date, Precision::Day);
        out.value = out.date.toIso();
    }

    void calendar(const Underspecified &u, Direction direction, TimeExpression &out)
    {
        if (u.movable) {
            movableFeast(u, direction, out);
            return;
        }
        if (u.day > 0 && u.month == 0 && u.year == 0) {
            const DateValue base = anchor(Anchor::Reference);
            if (!base.isValid() || base.precision() != Precision::Day) {
                out.date = base;
                out.value = base.isValid() ? base.toIso() : u"XXXX-XX-" + QString::number(u.day).rightJustified(2, u'0');
                return;
            }
            out.date = dayOfWeekdayAround(base, u.day, u.weekday);
            out.value = out.date.toIso();
            return;
        }
        if (u.year != 0) {
            const int year = fullYear(u.year);
            out.date = u.day > 0 ? DateValue::ofDay(year, u.month, u.day)
                : u.month > 0    ? DateValue::ofMonth(year, u.month)
                                 : DateValue::ofYear(year);
            out.value = out.date.toIso();
            return;
        }
        const DateValue base = anchor(Anchor::Reference);
        const auto pad = [](int v) { return QString::number(v).rightJustified(2, u'0'); };
        if (u.month > 0) {
            if (!base.isValid()) {
                out.value = u"XXXX-" + pad(u.month) + (u.day > 0 ? u'-' + pad(u.day) : QString());
                return;
            }
            int year = chooseYear(base, u.month, u.day, direction);
            if (u.weekday > 0 && u.day > 0)
                year = yearOfWeekday(year, u.month, u.day, u.weekday);
            out.date = u.day > 0 ? DateValue::ofDay(year, u.month, u.day) : DateValue::ofMonth(year, u.month);
            out.value = out.date.toIso();
            return;
        }
        // A weekday alone.
        if (!base.isValid()) {
            out.value = u"XXXX-WXX-" + QString::number(u.weekday);
            return;
        }
        if (base.precision() != Precision::Day) {
            out.date = base;
            out.value = base.toIso();
            return;
        }
        const greg::date day = base.firstDay();
        const int today = (day.day_of_week().as_number() + 6) % 7 + 1;  // Monday = 1
        int back = (today - u.weekday + 7) % 7;      // days back to the last such weekday
        int ahead = (u.weekday - today + 7) % 7;     // days ahead to the next one
        int shift = 0;
        switch (direction) {
        case Direction::Past: shift = -back; break;
        case Direction::StrictlyPast: shift = back == 0 ? -7 : -back; break;
        case Direction::Future: shift = ahead; break;
        case Direction::StrictlyFuture: shift = ahead == 0 ? 7 : ahead; break;
        case Direction::Unknown: shift = back <= ahead ? -back : ahead; break;  // news report the past
        }
        out.date = DateValue::fromBoost(day + greg::days(shift), Precision::Day);
        out.value = out.date.toIso();
    }

    void offset(const Underspecified &u, Direction direction, TimeExpression &out)
    {
        const DateValue base = anchorFor(u);
        if (!base.isValid())
            return;
        if (u.sameTimeOfYear) {
            // "à la même époque", after "l'an dernier": the publication's month in that year.
            const DateValue now = m_reference.isValid() ? m_reference : base;
            const bool yearOnly = base.precision() == Precision::Year && now.precision() >= Precision::Month;
            out.date = yearOnly ? DateValue::ofMonth(base.year(), now.month()) : base.truncated(Precision::Month);
            out.value = out.date.toIso();
            return;
        }
        const Precision needed = u.unit == DateUnit::Year ? Precision::Year
            : u.unit == DateUnit::Month                   ? Precision::Month
                                                          : Precision::Day;
        if (base.precision() < needed) {
            // Finer than what we know of the anchor: say no more than the anchor does.
            out.date = base;
            out.value = base.toIso();
            return;
        }
        const greg::date day = base.firstDay();
        switch (u.unit) {
        case DateUnit::Year: {
            const bool rolls = u.nextFromMonth > 0 && base.precision() >= Precision::Month && base.month() >= u.nextFromMonth;
            out.date = DateValue::ofYear(base.year() + u.offset + (rolls ? 1 : 0));
            break;
        }
        case DateUnit::Month:
            out.date = DateValue::fromBoost(day + greg::months(u.offset), Precision::Month);
            break;
        case DateUnit::Day:
            out.date = DateValue::fromBoost(day + greg::days(u.offset), Precision::Day);
            break;
        case DateUnit::Week:
        case DateUnit::Weekend: {
            const int weekday = (day.day_of_week().as_number() + 6) % 7;  // Monday = 0
            int weeks = u.offset;
            // "ce week-end" in the past tense, written on a weekday, is the one just gone.
            if (u.unit == DateUnit::Weekend && weeks == 0 && weekday < 5
                && (direction == Direction::Past || direction == Direction::StrictlyPast))
                weeks = -1;
            const greg::date monday = day - greg::days(weekday) + greg::weeks(weeks);
            if (u.unit == DateUnit::Week) {
                out.value = weekValue(monday);
                out.date = containing(monday, monday + greg::days(6));
            } else {
                out.value = weekValue(monday) + u"-WE";
                out.date = containing(monday + greg::days(5), monday + greg::days(6));
            }
            return;
        }
        case DateUnit::None: return;
        }
        out.value = out.date.toIso();
    }

    void season(const Underspecified &u, Direction direction, TimeExpression &out)
    {
        int year = u.year != 0 ? fullYear(u.year) : 0;
        const DateValue base = anchor(Anchor::Reference);
        if (year == 0 && !u.generic && base.isValid()) {
            // Seasons start around the 21st of March, June, September and December.
            const int startMonth = u.season == u"SP" ? 3 : u.season == u"SU" ? 6 : u.season == u"FA" ? 9 : 12;
            const int current = base.precision() == Precision::Year ? 0 : base.month();
            year = base.year();
            if (current > 0) {
                const bool before = startMonth + 2 < current;  // that season is over this year
                const bool after = startMonth > current;      // not begun yet
                if ((direction == Direction::StrictlyPast || direction == Direction::Past) && after)
                    year -= 1;
                if ((direction == Direction::StrictlyFuture || direction == Direction::Future) && before)
                    year += 1;
                if (direction == Direction::StrictlyPast && !after && !before)
                    year -= 1;
                if (direction == Direction::StrictlyFuture && !after && !before)
                    year += 1;
            }
        }
        if (year == 0) {
            out.value = u"XXXX-" + u.season.toString();
            return;
        }
        out.value = QString::number(year) + u'-' + u.season.toString();
        out.date = DateValue::ofYear(year);
    }

    void quarter(const Underspecified &u, Direction direction, TimeExpression &out)
    {
        int year = u.year != 0 ? fullYear(u.year) : 0;
        const DateValue base = anchor(Anchor::Reference);
        if (year == 0 && base.isValid()) {
            year = base.year();
            if (base.precision() != Precision::Year) {
                const int current = (base.month() - 1) / 3 + 1;
                if (direction == Direction::StrictlyPast || (direction == Direction::Past && u.quarter > current))
                    year -= u.quarter >= current ? 1 : 0;
                if (direction == Direction::StrictlyFuture || (direction == Direction::Future && u.quarter < current))
                    year += u.quarter <= current ? 1 : 0;
            }
        }
        if (year == 0) {
            out.value = u"XXXX-Q" + QString::number(u.quarter);
            return;
        }
        out.value = QString::number(year) + u"-Q" + QString::number(u.quarter);
        out.date = DateValue::ofYear(year);
    }
};

bool needsTense(const Underspecified &u)
{
    if (u.direction != Direction::Unknown || u.year != 0)
        return false;
    return u.shape == ShapeKind::Calendar || u.shape == ShapeKind::Season || u.shape == ShapeKind::Quarter
        || (u.shape == ShapeKind::Offset && u.unit == DateUnit::Weekend);
}

// Whether `day`, a deictic or calendar day, follows the clock time `clock` with at most a comma between.
bool dayFollowsClock(const std::vector<DateToken> &tokens, const Underspecified &clock, const Underspecified &day)
{
    const int gap = day.firstToken - clock.lastToken;
    if (gap < 0 || gap > 1 || (gap == 1 && tokens[size_t(clock.lastToken)].key != u","))
        return false;
    const bool calendarDay = day.shape == ShapeKind::Calendar && (day.weekday > 0 || day.day > 0);
    const bool relativeDay = day.shape == ShapeKind::Offset && day.unit == DateUnit::Day && day.anchor == Anchor::Reference;
    return calendarDay || relativeDay;
}

void tagPiece(const FrenchDateLexicon &lexicon, QStringView text, qsizetype start, qsizetype end, Resolver &resolver,
              QList<TimeExpression> &expressions)
{
    const QStringView piece = text.sliced(start, end - start);
    QString folded;
    foldForDates(piece, folded);
    const std::vector<DateToken> tokens = tokenizeForDates(piece, folded);
    const std::vector<Underspecified> found = Recognizer(lexicon, tokens).run();

    const TenseReader tense(lexicon, tokens);
    if (expressions.isEmpty())
        expressions.reserve(qsizetype(found.size()));  // not for later pieces: exact sizes would defeat the list's doubling
    const auto resolve = [&](const Underspecified &u) {
        const Direction cue = needsTense(u) ? tense.around(u.firstToken, u.lastToken) : Direction::Unknown;
        TimeExpression expression = resolver.resolve(u, cue);
        expression.text = piece.mid(expression.start, expression.end - expression.start).toString();
        expression.start += start;
        expression.end += start;
        return expression;
    };
    for (size_t k = 0; k < found.size(); ++k) {
        // "vers 15 h 30, hier": a clock time takes the day named right after it.
        if (found[k].shape == ShapeKind::Clock && k + 1 < found.size() && dayFollowsClock(tokens, found[k], found[k + 1])) {
            TimeExpression day = resolve(found[k + 1]);
            expressions.append(resolve(found[k]));
            expressions.append(std::move(day));
            ++k;
            continue;
        }
        expressions.append(resolve(found[k]));
    }
}

} // namespace

struct FrenchDateTagger::Rules
{
    FrenchDateLexicon lexicon{loadResource(QStringLiteral("dates-fr.json"))};
};

FrenchDateTagger::FrenchDateTagger() : m_rules(std::make_unique<Rules>()) {}
FrenchDateTagger::~FrenchDateTagger() = default;

QList<TimeExpression> FrenchDateTagger::tag(QStringView text, const DateValue &reference, bool *cut) const
{
    Resolver resolver(reference);
    QList<TimeExpression> expressions;
    for (qsizetype start = 0; start < text.size() && expressions.size() <= kMaxExpressions;) {
        const qsizetype end = endOfPiece(text, start, kMaxPieceLength);
        tagPiece(m_rules->lexicon, text, start, end, resolver, expressions);
        start = end;
    }
    const bool more = expressions.size() > kMaxExpressions;
    if (more)
        expressions.resize(kMaxExpressions);
    if (cut)
        *cut = more;
    return expressions;
}

QString FrenchDateTagger::cutProblem()
{
    return QStringLiteral("over %1 dates found: only the first %1 are kept").arg(kMaxExpressions);
}

} // namespace dateline
