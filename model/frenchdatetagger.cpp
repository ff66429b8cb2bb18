#include "frenchdatetagger.h"

#include "frenchdatelexicon.h"
#include "resourcefiles.h"

#include <boost/date_time/gregorian/gregorian.hpp>

#include <algorithm>
#include <optional>

namespace greg = boost::gregorian;

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

enum class ShapeKind : quint8 { Calendar, Offset, Clock, Season, Quarter, Decade };

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
};

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

class Recognizer
{
public:
    Recognizer(const FrenchDateLexicon &lexicon, const std::vector<DateToken> &tokens)
        : lx(lexicon), t(tokens), n(int(tokens.size()))
    {
    }

    std::vector<Underspecified> run()
    {
        std::vector<Underspecified> found;
        int i = 0;
        while (i < n) {
            if (t[i].kind != Kind::Number && !(t[i].kind == Kind::Word && (lx.openers.contains(t[i].key) || t[i].key.startsWith(u"mi-")))) {
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

    // ---- token tests -------------------------------------------------------------------
    bool has(int i) const { return i >= 0 && i < n; }
    // Token i continues the expression that token i - 1 belongs to.
    bool follows(int i) const { return has(i) && !t[i].breakBefore; }
    bool isWord(int i) const { return has(i) && t[i].kind == Kind::Word; }
    bool isNumber(int i) const { return has(i) && t[i].kind == Kind::Number; }
    bool is(int i, QStringView key) const { return has(i) && t[i].key == key; }
    bool in(int i, const FrenchDateLexicon::WordSet &set) const { return has(i) && set.contains(t[i].key); }
    template<typename T>
    int lookup(int i, const FrenchDateLexicon::WordMap<T> &map, int none = 0) const
    {
        if (!isWord(i))
            return none;
        const auto it = map.find(t[i].key);
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
    int phraseAt(int i, PhraseKind kind, const FrenchDateLexicon::Phrase **phrase) const
    {
        if (!has(i))
            return -1;
        const auto it = lx.phrasesByFirstWord.find(t[i].key);
        if (it == lx.phrasesByFirstWord.end())
            return -1;
        int best = -1;
        for (const int index : it->second) {
            const auto &candidate = lx.phrases[size_t(index)];
            if (candidate.kind != kind)
                continue;
            const int size = int(candidate.words.size());
            bool ok = true;
            for (int k = 1; k < size && ok; ++k)
                ok = follows(i + k) && t[i + k].key == candidate.words[size_t(k)];
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
        if (int end = numericAt(i, found); end > 0)
            return end;
        const int withDeterminer = in(i, lx.determiners) && follows(i + 1) ? i + 1 : i;
        if (int end = phraseDateAt(i, found); end > 0)
            return end;
        if (int end = modifiedAt(i, found); end > 0)
            return end;
        if (int end = agoAt(i, found); end > 0)
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
            if (!DateValue::ofDay(2000, t[i + 2].number, t[i].number).isValid() && !(t[i + 2].number == 2 && t[i].number == 29))
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

    // Entries of the relative, anchored and holiday tables.
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
            u.anchor = anchor;
            if (u.unit == DateUnit::Day) {
                if (lookup(end, lx.weekdays) > 0 && follows(end))
                    ++end;  // "aujourd'hui vendredi"
                end = dayTimeAfter(end);
            }
            u.lastToken = end;
            u.end = t[end - 1].end;
            found.push_back(u);
            return end;
        }
        end = phraseAt(i, PhraseKind::Holiday, &phrase);
        if (end > 0 && !(isWord(end) && t[end].capitalized && follows(end))) {
            Underspecified u = make(i, end);
            u.month = phrase->offset;
            u.day = phrase->day;
            int year = 0;
            if (const int after = yearAfterAt(end, &year); after > 0 && year > 0) {
                setYear(u, year);
                end = after;
            }
            end = markerAt(end, &u.direction);
            u.lastToken = end;
            u.end = t[end - 1].end;
            found.push_back(u);
            return end;
        }
        return -1;
    }

    // "début 2014", "mi-mars", "fin février 2022", "la fin de l'année dernière".
    int modifiedAt(int i, std::vector<Underspecified> &found) const
    {
        int inner = -1;
        if (isWord(i) && t[i].key.startsWith(u"mi-") && lx.months.contains(t[i].key.mid(3))) {
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
            count = lx.numberWordValue(t[j].key);
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
        if (afterDay > 0 && monthAt(afterDay) > 0) {
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
        u.month = monthAt(k);
        if (u.month > 0 && (u.weekday == 0 || u.day > 0 || is(k - 1, u"de") || is(k - 1, u"d'"))) {
            const bool abbreviated = lx.abbreviatedMonths.contains(t[k].key);
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
            // A weekday without a date; "mardi 12" is not handled.
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

    // Seasons need a determiner or a year around them: "été" alone is also a participle.
    int seasonAt(int i, std::vector<Underspecified> &found) const
    {
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
            if (j == i + 2 && !is(i + 1, u"année"))
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
        return i < n && t[i].kind == Kind::Word && !lx.notVerbs.contains(t[i].key)
            && FrenchDateLexicon::endsWithAny(t[i].key, lx.participleEndings);
    }

    Direction cueAt(int i) const
    {
        if (t[i].kind != Kind::Word)
            return Direction::Unknown;
        const QStringView key = t[i].key;
        if (lx.futureWords.contains(key))
            return Direction::Future;
        if (lx.goVerbs.contains(key) && i + 1 < n
            && FrenchDateLexicon::endsWithAny(t[i + 1].key, lx.infinitiveEndings))
            return Direction::Future;
        if (lx.auxiliaries.contains(key)) {
            for (int k = i + 1; k <= i + 3 && k < n && t[k].kind == Kind::Word; ++k) {
                if (lx.futureWords.contains(t[k].key))
                    return Direction::Future;
                if (participle(k))
                    return Direction::Past;
            }
        }
        if (lx.pastWords.contains(key))
            return Direction::Past;
        if (lx.notVerbs.contains(key) || t[i].capitalized)
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
        }
        out.referenceStandIn = m_referenceStandIn && out.date.isValid();
        if (out.date.isValid() && u.shape != ShapeKind::Clock) {
            m_lastMentioned = out.date;
            if (out.date.precision() == Precision::Day)
                m_lastDay = out.date;
        }
        return out;
    }

private:
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

    void calendar(const Underspecified &u, Direction direction, TimeExpression &out)
    {
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
        case DateUnit::Year:
            out.date = DateValue::ofYear(base.year() + u.offset);
            break;
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

} // namespace

struct FrenchDateTagger::Rules
{
    FrenchDateLexicon lexicon{loadResource(QStringLiteral("dates-fr.json"))};
};

FrenchDateTagger::FrenchDateTagger() : m_rules(std::make_unique<Rules>()) {}
FrenchDateTagger::~FrenchDateTagger() = default;

QList<TimeExpression> FrenchDateTagger::tag(QStringView text, const DateValue &reference) const
{
    QString folded;
    foldForDates(text, folded);
    const std::vector<DateToken> tokens = tokenizeForDates(text, folded);
    const std::vector<Underspecified> found = Recognizer(m_rules->lexicon, tokens).run();

    const TenseReader tense(m_rules->lexicon, tokens);
    Resolver resolver(reference);
    QList<TimeExpression> expressions;
    expressions.reserve(qsizetype(found.size()));
    for (const Underspecified &u : found) {
        const Direction cue = needsTense(u) ? tense.around(u.firstToken, u.lastToken) : Direction::Unknown;
        TimeExpression expression = resolver.resolve(u, cue);
        expression.text = text.mid(expression.start, expression.end - expression.start).toString();
        expressions.append(std::move(expression));
    }
    return expressions;
}

} // namespace dateline
