#include "frenchdatelexicon.h"

#include "resourcefiles.h"

#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace dateline {

namespace {

// No ASCII character is a mark: the Unicode tables need not be asked.
bool isWordChar(QChar c)
{
    return c.unicode() < 0x80 ? isAsciiOf(c.unicode(), AsciiLetter) : c.isLetter() || c.isMark();
}

} // namespace

void foldForDates(QStringView text, QString &folded)
{
    folded.resize(text.size());
    QChar *out = folded.data();
    if (!foldAscii(text, out))
        return;
    // The simple one-to-one case mapping keeps offsets aligned with the original text.
    forEachNonAsciiUnit(text, [&](qsizetype i) { out[i] = isApostrophe(text[i]) ? QChar(u'\'') : text[i].toLower(); });
}

std::vector<DateToken> tokenizeForDates(QStringView text, QStringView folded)
{
    std::vector<DateToken> tokens;
    tokens.reserve(size_t(text.size() / 5 + 1));
    const qsizetype n = text.size();
    const char16_t *const units = text.utf16();
    // The run of ASCII letters from i on, the bulk of most words, eight units at a time.
    const auto pastAsciiLetters = [&](qsizetype i) { return pastAsciiRun(units + i, units + n, AsciiLetter) - units; };
    qsizetype i = 0;
    qsizetype blanks = 0;
    bool lineBreak = false;
    while (i < n) {
        const QChar c = text[i];
        if (c == u' ') {  // the most frequent blank by far; the removed junk is runs of them
            ++blanks;
            ++i;
            continue;
        }
        if (c.isSpace()) {
            lineBreak = lineBreak || isLineBreak(c);
            ++blanks;
            ++i;
            continue;
        }
        // Built in place: a token is 56 bytes, and there is one every six characters.
        DateToken &token = tokens.emplace_back();
        token.start = i;
        token.joined = blanks == 0 && tokens.size() > 1;
        token.breakBefore = lineBreak || blanks >= 4;
        if (c >= u'0' && c <= u'9') {
            token.kind = DateToken::Kind::Number;
            qint64 value = 0;
            while (i < n && text[i] >= u'0' && text[i] <= u'9') {
                if (token.digits < 10)
                    value = value * 10 + (text[i].unicode() - u'0');
                ++token.digits;
                ++i;
            }
            token.number = token.digits <= 9 ? int(value) : -1;
        } else if (isWordChar(c)) {
            token.kind = DateToken::Kind::Word;
            token.capitalized = c.isUpper();
            while ((i = pastAsciiLetters(i)) < n) {
                if (isWordChar(text[i])) {
                    ++i;
                } else if (text[i] == u'-' && i + 1 < n && isWordChar(text[i + 1])) {
                    i += 2;
                } else if (isApostrophe(text[i]) && i + 1 < n && isWordChar(text[i + 1])) {
                    ++i;  // an elided word ends with its apostrophe: "l'", "aujourd'"
                    break;
                } else {
                    break;
                }
            }
        } else {
            token.kind = DateToken::Kind::Punct;
            ++i;
        }
        token.end = i;
        token.key = folded.sliced(token.start, token.end - token.start);  // in range: no clamping, as mid() would
        token.keyHash = WordHash{}(token.key);
        blanks = 0;
        lineBreak = false;
    }
    return tokens;
}

DateUnit dateUnitFromName(QStringView name)
{
    if (name == u"day")
        return DateUnit::Day;
    if (name == u"week")
        return DateUnit::Week;
    if (name == u"weekend")
        return DateUnit::Weekend;
    if (name == u"month")
        return DateUnit::Month;
    if (name == u"year")
        return DateUnit::Year;
    return DateUnit::None;
}

QStringView FrenchDateLexicon::keep(const QString &word)
{
    QString folded;
    foldForDates(word.trimmed(), folded);
    m_storage.push_back(folded);
    return m_storage.back();
}

QStringView FrenchDateLexicon::keepAsIs(const QString &text)
{
    m_storage.push_back(text);
    return m_storage.back();
}

void FrenchDateLexicon::addWords(WordSet &set, const QJsonValue &list)
{
    for (const QJsonValue &item : list.toArray()) {
        if (item.isString() && !item.toString().trimmed().isEmpty())
            set.insert(keep(item.toString()));
    }
}

std::vector<QStringView> FrenchDateLexicon::keepAll(const QJsonValue &list)
{
    std::vector<QStringView> words;
    for (const QJsonValue &item : list.toArray()) {
        if (item.isString() && !item.toString().trimmed().isEmpty())  // an empty ending would match every word
            words.push_back(keep(item.toString()));
    }
    return words;
}

std::vector<QStringView> FrenchDateLexicon::keepWords(const QString &text)
{
    const QStringView folded = keep(text);
    std::vector<QStringView> words;
    for (const DateToken &token : tokenizeForDates(folded, folded))
        words.push_back(token.key);
    return words;
}

void FrenchDateLexicon::addPhrase(const QString &text, Phrase phrase)
{
    phrase.words = keepWords(text);
    if (phrase.words.empty())
        return;
    PhrasesStartingWith &starting = phrasesByFirstWord[phrase.words.front()];
    starting.byKind[size_t(phrase.kind)].push_back(int(phrases.size()));
    if (phrase.words.size() == 1)
        starting.oneWordEntry = true;
    else
        starting.secondWords.insert(phrase.words[1]);
    phrases.push_back(std::move(phrase));
}

FrenchDateLexicon::FrenchDateLexicon(const QJsonObject &tables)
{
    const auto intTable = [this](WordMap<int> &map, const QJsonValue &object) {
        const QJsonObject entries = object.toObject();
        for (auto it = entries.begin(); it != entries.end(); ++it) {
            if (it.value().isDouble())
                map[keep(it.key())] = it.value().toInt();
        }
    };
    intTable(months, tables.value(u"months"));
    intTable(weekdays, tables.value(u"weekdays"));
    intTable(numbers, tables.value(u"numbers"));
    intTable(ordinals, tables.value(u"ordinals"));
    addWords(abbreviatedMonths, tables.value(u"abbreviatedMonthsNeedADay"));

    const QJsonObject unitTable = tables.value(u"units").toObject();
    for (auto it = unitTable.begin(); it != unitTable.end(); ++it) {
        const DateUnit unit = dateUnitFromName(it.value().toString());
        if (unit != DateUnit::None)
            units[keep(it.key())] = unit;
    }
    const QJsonObject seasonTable = tables.value(u"seasons").toObject();
    for (auto it = seasonTable.begin(); it != seasonTable.end(); ++it) {
        if (it.value().isString())
            seasons[keep(it.key())] = keepAsIs(it.value().toString().toUpper());
    }

    addWords(pastMarkers, tables.value(u"pastMarkers"));
    addWords(futureMarkers, tables.value(u"futureMarkers"));
    addWords(determiners, tables.value(u"determiners"));
    addWords(yearCues, tables.value(u"yearCues"));
    addWords(weakYearCues, tables.value(u"weakYearCues"));
    addWords(clockWords, tables.value(u"clockWords"));
    addWords(quarterWords, tables.value(u"quarterWords"));

    const QJsonObject tense = tables.value(u"tense").toObject();
    addWords(futureWords, tense.value(u"futureWords"));
    addWords(pastWords, tense.value(u"pastWords"));
    addWords(goVerbs, tense.value(u"goVerbs"));
    addWords(auxiliaries, tense.value(u"auxiliaries"));
    addWords(notVerbs, tense.value(u"notVerbs"));
    futureEndings = keepAll(tense.value(u"futureEndings"));
    pastEndings = keepAll(tense.value(u"pastEndings"));
    participleEndings = keepAll(tense.value(u"participleEndings"));
    infinitiveEndings = keepAll(tense.value(u"infinitiveEndings"));

    const auto offsetPhrases = [this](const QJsonValue &object, PhraseKind kind) {
        const QJsonObject entries = object.toObject();
        for (auto it = entries.begin(); it != entries.end(); ++it) {
            const QJsonObject entry = it.value().toObject();
            Phrase phrase;
            phrase.kind = kind;
            phrase.unit = dateUnitFromName(entry.value(u"unit").toString());
            phrase.offset = entry.value(u"offset").toInt();
            phrase.nextFromMonth = entry.value(u"nextFromMonth").toInt();
            if (phrase.unit != DateUnit::None)
                addPhrase(it.key(), std::move(phrase));
        }
    };
    offsetPhrases(tables.value(u"relative"), PhraseKind::Relative);
    offsetPhrases(tables.value(u"anchored"), PhraseKind::Anchored);

    const QJsonObject holidays = tables.value(u"holidays").toObject();
    for (auto it = holidays.begin(); it != holidays.end(); ++it) {
        const QStringList parts = it.value().toString().split(u'-');
        Phrase phrase;
        phrase.kind = PhraseKind::Holiday;
        phrase.offset = parts.size() == 2 ? parts[0].toInt() : 0;
        phrase.day = parts.size() == 2 ? parts[1].toInt() : 0;
        if (phrase.offset >= 1 && phrase.offset <= 12 && phrase.day >= 1 && phrase.day <= 31)
            addPhrase(it.key(), std::move(phrase));
    }
    const QJsonObject movable = tables.value(u"movableHolidays").toObject();
    for (auto it = movable.begin(); it != movable.end(); ++it) {
        Phrase phrase;
        phrase.kind = PhraseKind::MovableHoliday;
        phrase.offset = it.value().toInt();
        if (it.value().isDouble())
            addPhrase(it.key(), std::move(phrase));
    }
    const QJsonObject vague = tables.value(u"vagueReferences").toObject();
    for (auto it = vague.begin(); it != vague.end(); ++it) {
        Phrase phrase;
        phrase.kind = PhraseKind::Vague;
        phrase.tag = keepAsIs(it.value().toString().toUpper());
        addPhrase(it.key(), std::move(phrase));
    }
    const auto plainPhrases = [this](const QJsonValue &list, PhraseKind kind) {
        for (const QJsonValue &item : list.toArray()) {
            Phrase phrase;
            phrase.kind = kind;
            addPhrase(item.toString(), std::move(phrase));
        }
    };
    plainPhrases(tables.value(u"anchoredPartsOfDay"), PhraseKind::AnchoredPartOfDay);
    plainPhrases(tables.value(u"sameTimeOfYear"), PhraseKind::SameTimeOfYear);
    plainPhrases(tables.value(u"laterWords"), PhraseKind::Later);
    plainPhrases(tables.value(u"earlierWords"), PhraseKind::Earlier);
    plainPhrases(tables.value(u"setWords"), PhraseKind::SetWord);
    for (const QJsonValue &cue : tables.value(u"partOfDayCues").toArray()) {
        if (auto words = keepWords(cue.toString()); !words.empty())
            partOfDayCues.push_back(std::move(words));
    }
    const QJsonObject setUnitTable = tables.value(u"setUnits").toObject();
    for (auto it = setUnitTable.begin(); it != setUnitTable.end(); ++it) {
        if (it.value().isString())
            setUnits[keep(it.key())] = keepAsIs(it.value().toString().toUpper());
    }
    addWords(centuryWords, tables.value(u"centuryWords"));
    addWords(genericSeasonLinks, tables.value(u"genericSeasonLinks"));
    addWords(afterBareDay, tables.value(u"afterBareDay"));

    const QJsonObject modifiers = tables.value(u"modifiers").toObject();
    for (auto it = modifiers.begin(); it != modifiers.end(); ++it) {
        Phrase phrase;
        phrase.kind = PhraseKind::Modifier;
        phrase.tag = keepAsIs(it.value().toString().toUpper());
        addPhrase(it.key(), std::move(phrase));
    }
    for (const QJsonValue &part : tables.value(u"partsOfDay").toArray()) {
        Phrase phrase;
        phrase.kind = PhraseKind::PartOfDay;
        addPhrase(part.toString(), std::move(phrase));
    }
    for (const QJsonValue &decade : tables.value(u"decadeWords").toArray()) {
        Phrase phrase;
        phrase.kind = PhraseKind::Decade;
        addPhrase(decade.toString(), std::move(phrase));
    }

    // The word classes of wordFacts, gathered here.
    WordSet openers, bareOpeners, knownWords;
    for (const auto *map : {&months, &weekdays, &ordinals})
        for (const auto &entry : *map)
            openers.insert(entry.first);
    for (const auto &entry : seasons)
        openers.insert(entry.first);
    // A determiner, "en", "dans", "il" (y a)... only opens an expression together with the word after it.
    WordSet leading = determiners;
    for (const QString &word : {u"il"_s, u"dans"_s, u"à"_s, u"vers"_s, u"au"_s, u"en"_s})
        leading.insert(keep(word));
    for (const QStringView word : leading)
        if (!openers.contains(word))
            bareOpeners.insert(word);
    openers.insert(leading.begin(), leading.end());
    for (const QString &word : {u"mois"_s, u"année"_s})
        openers.insert(keep(word));
    for (const Phrase &phrase : phrases) {
        if (phrase.kind == PhraseKind::Later || phrase.kind == PhraseKind::Earlier)
            continue;  // those only follow a count of units
        if (openers.insert(phrase.words.front()).second)
            phraseOnlyOpeners.insert(phrase.words.front());
    }

    // The openers hold the months, weekdays, ordinals, seasons, determiners and first words of entries.
    for (const WordSet *set : {&openers, &abbreviatedMonths, &centuryWords, &genericSeasonLinks, &afterBareDay, &pastMarkers,
                               &futureMarkers, &yearCues, &weakYearCues, &clockWords, &quarterWords})
        knownWords.insert(set->begin(), set->end());
    const auto insertKeys = [&knownWords](const auto &map) {
        for (const auto &entry : map)
            knownWords.insert(entry.first);
    };
    insertKeys(numbers);
    insertKeys(units);
    insertKeys(setUnits);
    for (const Phrase &phrase : phrases)
        knownWords.insert(phrase.words.begin(), phrase.words.end());
    for (const std::vector<QStringView> &cue : partOfDayCues)
        knownWords.insert(cue.begin(), cue.end());
    // The words frenchdatetagger.cpp compares tokens with itself.
    for (const QString &word : {u"an"_s, u"même"_s, u"de"_s, u"du"_s, u"d'"_s, u"et"_s, u"y"_s, u"a"_s, u"e"_s, u"er"_s,
                                u"re"_s, u"ère"_s, u"è"_s, u"ème"_s, u"h"_s})
        knownWords.insert(keep(word));

    // Last: the facts point into phrasesByFirstWord, which no longer grows.
    const auto addClass = [this](QStringView word, WordClass wordClass) { wordFacts[word].classes |= wordClass; };
    for (const auto &[set, wordClass] : {std::pair{&openers, Opener}, {&bareOpeners, BareOpener}, {&centuryWords, CenturyWord},
                                          {&knownWords, KnownWord}})
        for (const QStringView word : *set)
            addClass(word, wordClass);
    for (const auto &entry : units)
        addClass(entry.first, Unit);
    for (const auto &entry : phrasesByFirstWord)
        wordFacts[entry.first].phrases = &entry.second;
}

int FrenchDateLexicon::numberWordValue(const DateToken &token) const
{
    if (const auto it = numbers.find(token.key, token.keyHash); it != numbers.end())
        return it->second;
    const QStringView word = token.key;
    if (std::find(word.begin(), word.end(), u'-') == word.end())  // QStringView::contains() is a library call
        return -1;
    int total = 0;
    int previous = 0;
    for (QStringView part : word.split(u'-')) {
        if (part == u"et")
            continue;
        const auto it = numbers.find(part);
        if (it == numbers.end())
            return -1;
        // "quatre-vingt(s)" multiplies, every other compound adds: "dix-sept", "soixante-dix".
        if (it->second == 20 && previous > 1 && previous < 10) {
            total += previous * 19;
        } else {
            total += it->second;
        }
        previous = it->second;
    }
    return total;
}

int FrenchDateLexicon::romanValue(QStringView word)
{
    const auto digit = [](QChar c) {
        switch (c.unicode()) {
        case u'i': return 1;
        case u'v': return 5;
        case u'x': return 10;
        case u'l': return 50;
        case u'c': return 100;
        default: return 0;
        }
    };
    if (word.isEmpty() || word.size() > 8)
        return -1;
    int total = 0;
    for (qsizetype k = 0; k < word.size(); ++k) {
        const int value = digit(word[k]);
        if (value == 0)
            return -1;
        const int next = k + 1 < word.size() ? digit(word[k + 1]) : 0;
        total += next > value ? -value : value;
    }
    return total;
}

bool FrenchDateLexicon::endsWithAny(QStringView word, const std::vector<QStringView> &endings)
{
    // Compared here: QStringView::endsWith() is a library call, and tense reading asks it of most words.
    return std::any_of(endings.cbegin(), endings.cend(), [word](QStringView ending) {
        return word.size() > ending.size() + 1 && std::equal(ending.begin(), ending.end(), word.end() - ending.size());
    });
}

} // namespace dateline
