#pragma once

#include "textfolding.h"

#include <QJsonObject>
#include <QString>
#include <QStringView>

#include <array>
#include <deque>
#include <vector>

namespace dateline {

// A span of a text cut into words, numbers and punctuation. Keys are views into a folded copy
// of the text (lower case, ’ turned into '), so that looking words up allocates nothing.
struct DateToken
{
    enum class Kind : quint8 { Word, Number, Punct };
    qsizetype start = 0;       // UTF-16 offsets into the original text
    qsizetype end = 0;
    QStringView key;           // folded text; a word keeps its elision apostrophe ("l'")
    size_t keyHash = 0;        // WordHash of key, worked out once for the many tables patterns look in
    Kind kind = Kind::Punct;
    bool joined = false;       // no blank between this token and the previous one
    bool breakBefore = false;  // a line break or a run of blanks (removed junk) precedes it
    bool capitalized = false;
    int number = -1;           // value of a Number token of at most 9 digits
    int digits = 0;
};

// Cuts `text` into tokens whose keys view `folded`, which must outlive them.
void foldForDates(QStringView text, QString &folded);
std::vector<DateToken> tokenizeForDates(QStringView text, QStringView folded);

enum class DateUnit : quint8 { None, Day, Week, Weekend, Month, Year };

// The word tables of dates-fr.json, indexed for allocation-free lookups.
class FrenchDateLexicon final
{
public:
    Q_DISABLE_COPY_MOVE(FrenchDateLexicon)  // its word maps view strings it owns

    enum class PhraseKind : quint8 {
        Relative, Anchored, Holiday, MovableHoliday, Modifier, PartOfDay, Decade,
        AnchoredPartOfDay, SameTimeOfYear, Later, Earlier, Vague, SetWord,
    };
    struct Phrase
    {
        std::vector<QStringView> words;
        PhraseKind kind = PhraseKind::Relative;
        DateUnit unit = DateUnit::None;
        int offset = 0;   // in units, the holiday's month, or days from Easter
        int day = 0;      // holiday's day
        int nextFromMonth = 0;  // relative: from this month of the reference on, one unit more
        QStringView tag;  // modifier (START...), part of day, or vague reference (PRESENT_REF...)
    };

    explicit FrenchDateLexicon(const QJsonObject &tables);

    WordMap<int> months;
    WordSet abbreviatedMonths;
    WordMap<int> weekdays;
    WordMap<int> numbers;
    WordMap<int> ordinals;
    WordMap<DateUnit> units;
    WordMap<QStringView> seasons;
    WordMap<QStringView> setUnits;  // "mois" -> "M", for recurrences
    WordSet centuryWords, genericSeasonLinks;
    WordSet afterBareDay;  // words that may follow "mardi 12" when the month is left out
    // Words that must come right before an anchored part of the day: "au cours de" la nuit.
    std::vector<std::vector<QStringView>> partOfDayCues;
    WordSet pastMarkers, futureMarkers, determiners, yearCues, weakYearCues, clockWords, quarterWords;
    WordSet futureWords, pastWords, goVerbs, auxiliaries, notVerbs;
    std::vector<QStringView> futureEndings, pastEndings, participleEndings, infinitiveEndings;

    // Openers that only start multi-word entries ("de" nos jours, "chaque"): the other patterns skip them.
    WordSet phraseOnlyOpeners;

    // Multi-word expressions, by their first word and kind; the longest match wins. A lookup
    // reads only the entries of its kind: patterns ask for one kind at a time, many times a token.
    static constexpr size_t kPhraseKinds = size_t(PhraseKind::SetWord) + 1;  // SetWord is the last kind
    struct PhrasesStartingWith
    {
        std::array<std::vector<int>, kPhraseKinds> byKind;  // indices into phrases, in file order
        // Most tokens of a common first word ("la", "le", "de") start no entry: the word after
        // them tells, before each kind's entries are read.
        bool oneWordEntry = false;
        WordSet secondWords;
    };
    std::vector<Phrase> phrases;
    WordMap<PhrasesStartingWith> phrasesByFirstWord;

    // The tables the tagger asks of nearly every token before it knows whether a date starts
    // there, as bits: with the phrases a word starts, one lookup a token answers them all.
    enum WordClass : quint8 {
        Opener = 1,       // may open an expression; the other words are skipped at once
        // Openers that are nothing by themselves (determiners, "en", "dans", "à"...) open an expression
        // only before a word the tables or the patterns know: "le 5 juin", "en mars", "dans deux
        // jours", but not "le gouvernement" or "en Chine".
        BareOpener = 2,
        Unit = 4,         // a key of `units`
        CenturyWord = 8,  // in `centuryWords`
        KnownWord = 16,   // a word of any table or entry, or one the patterns name
    };
    struct WordFacts
    {
        quint8 classes = 0;  // WordClass bits
        const PhrasesStartingWith *phrases = nullptr;  // in phrasesByFirstWord, if it starts some
    };
    WordMap<WordFacts> wordFacts;

    int numberWordValue(const DateToken &token) const;  // "vingt-deux" = 22; -1 if not a number word
    static int romanValue(QStringView word);      // "xix" = 19; -1 if not a Roman numeral
    static bool endsWithAny(QStringView word, const std::vector<QStringView> &endings);

private:
    QStringView keep(const QString &word);  // stores the folded word, returns a stable view
    QStringView keepAsIs(const QString &text);
    void addWords(WordSet &set, const QJsonValue &list);
    std::vector<QStringView> keepAll(const QJsonValue &list);
    std::vector<QStringView> keepWords(const QString &text);
    void addPhrase(const QString &text, Phrase phrase);

    std::deque<QString> m_storage;
};

DateUnit dateUnitFromName(QStringView name);

} // namespace dateline
