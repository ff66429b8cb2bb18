#include "gazetteer.h"

#include "resourcefiles.h"
#include "textfolding.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QVarLengthArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace dateline {

namespace {

QDate parsePartialDate(const QString &iso, bool end)
{
    const DateValue value = DateValue::fromIso(iso);
    if (!value.isValid())
        return {};
    return end ? value.lastQDate() : value.firstQDate();
}

QStringList foldedWords(const QString &phrase)
{
    const QString folded = foldForMatching(phrase);
    QStringList words;
    for (const TextSpan &span : wordSpans(folded, TextSpan::of(0, folded.size())))
        words.append(folded.mid(span.start, span.length()));
    return words;
}

// Whether the text between a role and a name sets one in apposition to the other: blanks and
// commas, then maybe "le", "la" or "l'" and blanks.
bool isAppositionGap(QStringView gap)
{
    const auto blank = [](QChar c) { return isAsciiOf(c.unicode(), AsciiBlank); };
    qsizetype at = 0;
    while (at < gap.size() && (blank(gap[at]) || gap[at] == u','))
        ++at;
    if (at + 1 < gap.size() && (gap[at] == u'l' || gap[at] == u'L')) {
        const QChar next = gap[at + 1];
        if (next == u'e' || next == u'E' || next == u'a' || next == u'A' || next == u'\'' || next == u'’')
            at += 2;
    }
    while (at < gap.size() && blank(gap[at]))
        ++at;
    return at == gap.size();
}

} // namespace

QString actorKindName(ActorKind kind)
{
    switch (kind) {
    case ActorKind::Person: return QStringLiteral("person");
    case ActorKind::Country: return QStringLiteral("country");
    case ActorKind::Organisation: return QStringLiteral("organisation");
    }
    return {};
}

Gazetteer::Gazetteer()
{
    QStringList problems;
    load(loadResource(QStringLiteral("actors.json"), &problems), &problems);
    for (const QString &problem : std::as_const(problems))
        qWarning("actors: %s", qPrintable(problem));
}

Gazetteer::Gazetteer(const QJsonObject &resource, QStringList *problems)
{
    QStringList ignored;
    load(resource, problems ? problems : &ignored);
}

void Gazetteer::load(const QJsonObject &resource, QStringList *problems)
{
    // Later entries (the user's file comes after the built-in one) replace earlier ones of the same name.
    QHash<QString, qsizetype> position;
    QList<QJsonObject> objects;
    for (const QJsonValue &value : resource.value(u"actors").toArray()) {
        const QJsonObject object = value.toObject();
        const QString name = object.value(u"name").toString().trimmed();
        if (name.isEmpty()) {
            problems->append(QStringLiteral("an actor without a name was skipped"));
            continue;
        }
        const QString key = foldForMatching(name);
        if (position.contains(key)) {
            objects[position.value(key)] = object;
        } else {
            position.insert(key, objects.size());
            objects.append(object);
        }
    }

    const auto strings = [](const QJsonValue &value) {
        QStringList list;
        for (const QJsonValue &item : value.toArray())
            if (!item.toString().trimmed().isEmpty())
                list.append(item.toString().trimmed());
        return list;
    };

    for (const QJsonValue &locative : resource.value(u"locatives").toArray()) {
        if (const QString word = locative.toString().trimmed(); !word.isEmpty())  // an empty one would make every place locative
            m_locatives.append(foldForMatching(word));
    }
    std::sort(m_locatives.begin(), m_locatives.end(), [](const QString &a, const QString &b) { return a.size() > b.size(); });
    for (const auto &[key, wordClass] : {std::pair{u"institutions", Institution}, {u"titles", Title}, {u"title_words", TitleCapitalised}}) {
        for (const QJsonValue &value : resource.value(QStringView(key)).toArray()) {
            const QString word = value.toString().trimmed();
            if (word.contains(u' '))  // words are looked up one at a time: it would never be found
                problems->append(QStringLiteral("\"%1\" in %2 has several words: only single words are looked for")
                                     .arg(word, QStringView(key)));
            else if (!word.isEmpty())
                m_wordFacts[keep(foldForMatching(word))].classes |= wordClass;
        }
    }

    for (const QJsonObject &object : std::as_const(objects)) {
        Actor actor;
        actor.name = object.value(u"name").toString().trimmed();
        const QString kind = object.value(u"kind").toString();
        actor.kind = kind == u"country" ? ActorKind::Country
                   : kind == u"organisation" || kind == u"organization" ? ActorKind::Organisation
                                                                        : ActorKind::Person;
        actor.country = object.value(u"country").toString();
        actor.aliases = strings(object.value(u"aliases"));
        actor.metonyms = strings(object.value(u"metonyms"));
        actor.demonyms = strings(object.value(u"demonyms"));
        for (const QJsonValue &roleValue : object.value(u"roles").toArray()) {
            const QJsonObject roleObject = roleValue.toObject();
            ActorRole role{strings(roleObject.value(u"phrases")), parsePartialDate(roleObject.value(u"from").toString(), false),
                           parsePartialDate(roleObject.value(u"to").toString(), true)};
            if (!role.from.isValid() || role.phrases.isEmpty()) {
                problems->append(actor.name + u": a role without phrases or a valid \"from\" date was skipped");
                continue;
            }
            actor.roles.append(role);
        }
        m_actors.append(actor);
    }

    QHash<QString, QString> shortNames;  // folded full alias -> folded short name
    // The first actor to claim a name keeps it, as in matching.
    const auto claimName = [this](const QString &name, int index) {
        const QString key = foldForMatching(name);
        if (!m_byName.contains(key))
            m_byName.insert(key, index);
    };
    for (int index = 0; index < m_actors.size(); ++index) {
        const Actor &actor = m_actors.at(index);
        claimName(actor.name, index);
        addEntry(actor.name, index, MentionKind::Name, -1, problems);
        for (const QString &alias : actor.aliases) {
            claimName(alias, index);
            addEntry(alias, index, MentionKind::Name, -1, problems);
            if (actor.kind == ActorKind::Person) {
                const QString shortName = shortNameOf(actor, alias);
                if (!shortName.isEmpty())
                    shortNames.insert(foldWords(alias), shortName);
            }
        }
        for (const QString &metonym : actor.metonyms)
            addEntry(metonym, index, MentionKind::Metonym, -1, problems);
        if (actor.kind != ActorKind::Person) {
            for (const QString &demonym : actor.demonyms)
                m_demonyms.emplace(keep(foldForMatching(demonym)), index);
        }
        for (int role = 0; role < actor.roles.size(); ++role) {
            for (const QString &phrase : actor.roles.at(role).phrases)
                addEntry(phrase, index, MentionKind::Role, role, problems);
        }
    }

    for (Entry &entry : m_entries) {
        entry.shortName = shortNames.value(entry.words.join(u' '));
        if (!entry.shortName.isEmpty())
            m_wordFacts[keep(entry.shortName)].classes |= ShortName;
    }

    const QJsonObject combiningForms = resource.value(u"combining_forms").toObject();
    for (auto it = combiningForms.begin(); it != combiningForms.end(); ++it) {
        const int country = m_byName.value(foldForMatching(it.value().toString()), -1);
        if (country >= 0)
            m_demonyms.emplace(keep(foldForMatching(it.key())), country);
    }
    if (!m_demonyms.empty()) {
        const auto shortest = std::min_element(m_demonyms.begin(), m_demonyms.end(),
                                               [](const auto &a, const auto &b) { return a.first.size() < b.first.size(); });
        m_shortestDemonymCompound = 2 * shortest->first.size() + 1;
    }

    // Last: the facts point into m_entriesByFirstWord, which no longer grows.
    for (const auto &[word, entries] : m_entriesByFirstWord)
        m_wordFacts[word].entries = &entries;
}

QString Gazetteer::foldWords(const QString &phrase) { return foldedWords(phrase).join(u' '); }

QStringView Gazetteer::keep(const QString &word)
{
    m_words.push_back(word);
    return m_words.back();
}

QString Gazetteer::shortNameOf(const Actor &actor, const QString &alias) const
{
    const QStringList words = foldedWords(alias);
    if (words.size() < 2)
        return {};
    // Chinese names, and East Asian given names written "Jong-un", "Ki-moon", "Ing-wen", put the surname first.
    static const QRegularExpression hyphenatedGivenName(QStringLiteral("^\\p{Lu}\\p{Ll}+-\\p{Ll}+$"),
                                                        QRegularExpression::UseUnicodePropertiesOption);
    const QString lastWord = alias.section(u' ', -1);
    const bool surnameFirst = actor.country == u"China" || hyphenatedGivenName.match(lastWord).hasMatch();
    return surnameFirst ? words.first() : words.last();
}

void Gazetteer::addEntry(const QString &phrase, int actor, MentionKind kind, int role, QStringList *problems)
{
    const QStringList words = foldedWords(phrase);
    if (words.isEmpty())
        return;
    std::vector<int> &candidates = entriesStartingLike(words);
    for (int index : std::as_const(candidates)) {
        Entry &existing = m_entries[index];
        if (existing.words != words)
            continue;
        if (kind == MentionKind::Role && existing.kind == MentionKind::Role)
            existing.holders.append({actor, role});
        else if (existing.actor != actor)
            problems->append(u"\""_s + phrase + u"\" names both "_s + m_actors.at(existing.actor).name + u" and "_s
                             + m_actors.at(actor).name + u": it stays "_s + m_actors.at(existing.actor).name + u"'s"_s);
        return;  // the first actor to claim a name keeps it
    }
    Entry entry{words, actor, kind, {}, {}};
    if (kind == MentionKind::Role)
        entry.holders.append({actor, role});
    candidates.push_back(int(m_entries.size()));
    m_entries.append(entry);
}

// The list an entry of `words` belongs in; the words of the entries in it are compared one by one.
std::vector<int> &Gazetteer::entriesStartingLike(const QStringList &words)
{
    auto first = m_entriesByFirstWord.find(words.first());
    if (first == m_entriesByFirstWord.end())
        first = m_entriesByFirstWord.emplace(keep(words.first()), EntriesStartingWith()).first;
    if (words.size() == 1)
        return first->second.oneWord;
    auto &bySecondWord = first->second.bySecondWord;
    auto second = bySecondWord.find(words.at(1));
    if (second == bySecondWord.end())
        second = bySecondWord.emplace(keep(words.at(1)), std::vector<int>()).first;
    return second->second;
}

int Gazetteer::indexOf(const QString &name) const { return m_byName.value(foldForMatching(name.trimmed()), -1); }

int Gazetteer::holderOn(const Entry &entry, QDate first, QDate last, const QSet<int> &named) const
{
    if (!first.isValid() || !last.isValid() || last < first)
        return -1;
    const qint64 span = first.daysTo(last) + 1;
    // A handful of actors at most: vectors, where sets would allocate for every actor added.
    std::vector<int> overlapping;  // held the post on some day of the date
    std::vector<int> mostly;       // held it on at least three quarters of it
    const auto add = [](std::vector<int> &actors, int actor) {
        if (std::find(actors.cbegin(), actors.cend(), actor) == actors.cend())
            actors.push_back(actor);
    };
    for (const auto &[actor, roleIndex] : entry.holders) {
        const ActorRole &role = m_actors.at(actor).roles.at(roleIndex);
        const QDate from = std::max(first, role.from);
        const QDate to = role.to.isValid() ? std::min(last, role.to) : last;
        if (from > to)
            continue;
        add(overlapping, actor);
        if ((from.daysTo(to) + 1) * 4 >= span * 3)
            add(mostly, actor);
    }
    // "Le chef de la diplomatie chinoise" after the article named Wang Yi is Wang Yi, even while
    // the foreign minister, whom the phrase can also mean, was Qin Gang.
    const auto isNamed = [&named](int actor) { return named.contains(actor); };
    if (std::count_if(overlapping.cbegin(), overlapping.cend(), isNamed) == 1)
        return *std::find_if(overlapping.cbegin(), overlapping.cend(), isNamed);
    // A date that two holders shared (two titles for one job, or a handover inside the month)
    // names neither with certainty.
    return mostly.size() == 1 ? mostly.front() : -1;
}

void Gazetteer::dropRolesNamedInApposition(QStringView text, QList<ActorMention> &mentions) const
{
    // "le ministre chinois des Affaires étrangères, Qin Gang," or "Sergueï Lavrov, le ministre russe...":
    // the name says who holds the role, whatever the gazetteer's dates say.
    const auto isPersonName = [this](const ActorMention &mention) {
        return (mention.kind == MentionKind::Name || mention.kind == MentionKind::ShortName || mention.kind == MentionKind::Unlisted)
               && (mention.actor < 0 || m_actors.at(mention.actor).kind == ActorKind::Person);
    };
    const auto isRole = [](const ActorMention &mention) { return mention.kind == MentionKind::Role; };
    if (std::none_of(mentions.cbegin(), mentions.cend(), isRole))
        return;  // most sentences: nothing to drop, nothing to copy
    const auto gapIsApposition = [&](const ActorMention &left, const ActorMention &right) {
        return isAppositionGap(text.mid(left.span.end, right.span.start - left.span.end));
    };
    QList<ActorMention> kept;
    for (qsizetype i = 0; i < mentions.size(); ++i) {
        const ActorMention &mention = mentions.at(i);
        if (isRole(mention)
            && ((i + 1 < mentions.size() && isPersonName(mentions.at(i + 1)) && gapIsApposition(mention, mentions.at(i + 1)))
                || (i > 0 && isPersonName(mentions.at(i - 1)) && gapIsApposition(mentions.at(i - 1), mention))))
            continue;
        kept.append(mention);
    }
    mentions = kept;
}

bool Gazetteer::isLocative(QStringView folded, qsizetype rangeStart, qsizetype at) const
{
    qsizetype end = at;
    while (end > rangeStart && folded[end - 1] == u' ')
        --end;
    const QStringView before = folded.mid(rangeStart, end - rangeStart);
    if (before.isEmpty())
        return false;
    for (const QString &locative : m_locatives) {
        // "venue d'" ends right at the name, "à" before a space. Most locatives end with
        // another unit than the text does: that one comparison turns them away.
        if (locative.back() == before.back() && hasSuffix(before, locative) && (end == at || !locative.endsWith(u'\''))
            && isWordBoundedAt(folded, end - locative.size(), end))
            return true;
    }
    return false;
}

void Gazetteer::addCountryMentions(QStringView text, QStringView folded, const WordSpans &words, std::span<const size_t> wordHashes,
                                   std::span<const WordFacts> wordFacts, std::span<bool> covered, QList<ActorMention> &mentions) const
{
    static const WordSet functionWords{u"de", u"du", u"des", u"la", u"le", u"les", u"l", u"d", u"a", u"au", u"aux",
                                       u"en", u"par", u"pour", u"avec", u"sur", u"dans", u"ou", u"qui", u"que", u"et"};
    const auto word = [&](qsizetype i) { return folded.sliced(words[i].start, words[i].length()); };
    const auto demonym = [this](QStringView word) {
        const auto found = m_demonyms.find(word);
        return found == m_demonyms.end() ? -1 : found->second;
    };
    const auto sameClause = [&](qsizetype i, qsizetype j) {
        const QStringView gap = text.mid(words[i].end, words[j].start - words[i].end);
        return std::all_of(gap.begin(), gap.end(), [](QChar c) { return c.isSpace(); });
    };
    const auto add = [&](qsizetype from, qsizetype to, int country) {
        mentions.append({{words[from].start, words[to].end}, country, {}, MentionKind::Metonym, false});
        for (qsizetype k = from; k <= to; ++k)
            covered[k] = true;
    };

    for (qsizetype i = 0; i < words.size(); ++i) {
        if (covered[i])
            continue;
        const QStringView current = word(i);
        // "sino-russe", "russo-chinois": every half names a country.
        if (current.size() >= m_shortestDemonymCompound && std::find(current.begin(), current.end(), u'-') != current.end()
            && !m_demonyms.contains(current, wordHashes[size_t(i)])) {
            const QList<QStringView> halves = current.split(u'-');
            QList<int> countries;
            for (const QStringView half : halves)
                countries.append(demonym(half));
            if (halves.size() >= 2 && !countries.contains(-1)) {
                for (int country : std::as_const(countries))
                    add(i, i, country);
                continue;
            }
        }
        // "le ministère russe de la Défense", "des bombardiers stratégiques russes et chinois".
        if (!(wordFacts[size_t(i)].classes & Institution))
            continue;
        for (qsizetype j = i + 1, skipped = 0; j < words.size() && skipped <= 2 && sameClause(j - 1, j); ++j) {
            const QStringView next = word(j);
            const int country = demonym(next);
            if (country >= 0) {
                add(i, j, country);
                if (j + 2 < words.size() && word(j + 1) == u"et" && sameClause(j, j + 1) && sameClause(j + 1, j + 2)) {
                    if (const int second = demonym(word(j + 2)); second >= 0)
                        add(j + 2, j + 2, second);
                }
                break;
            }
            if (functionWords.contains(next, wordHashes[size_t(j)]) || text[words[j].start].isUpper())
                break;
            ++skipped;
        }
    }
}

QList<ActorMention> Gazetteer::findMentions(QStringView text, QStringView folded, TextSpan range, const DateValue &date,
                                            MentionContext &context, const DateValue &until) const
{
    const WordSpans words = wordSpans(folded, range);
    const auto word = [&](qsizetype i) { return folded.sliced(words[i].start, words[i].length()); };
    const auto capitalised = [&](qsizetype i) { return text[words[i].start].isUpper(); };
    // Every word is looked up in several tables: its hash is worked out once. On the stack, as
    // the words themselves and whether each is covered.
    QVarLengthArray<size_t, kWordsOnStack> hashes(words.size());
    QVarLengthArray<WordFacts, kWordsOnStack> facts(words.size());
    for (qsizetype i = 0; i < words.size(); ++i) {
        hashes[i] = WordHash{}(word(i));
        if (const auto found = m_wordFacts.find(word(i), hashes[i]); found != m_wordFacts.end())
            facts[i] = found->second;
    }
    const auto isA = [&](qsizetype i, WordClass wordClass) { return facts[i].classes & wordClass; };

    // The longest of `candidates` that words[i...] spell, the first of them if several are as long.
    const auto longestAt = [&](qsizetype i, const std::vector<int> &candidates) {
        const Entry *best = nullptr;
        for (int index : candidates) {
            const Entry &entry = m_entries.at(index);
            if (i + entry.words.size() > words.size() || (best && best->words.size() >= entry.words.size()))
                continue;
            bool matches = true;
            for (qsizetype k = 1; k < entry.words.size() && matches; ++k)
                matches = WordEqual{}(word(i + k), entry.words.at(k));
            if (!matches)
                continue;
            // Names are capitalised ("von der Leyen" too, somewhere); a lower-case "chine" is something else.
            bool capitalisedSomewhere = false;
            for (qsizetype k = 0; k < entry.words.size() && !capitalisedSomewhere; ++k)
                capitalisedSomewhere = capitalised(i + k);
            if (entry.kind == MentionKind::Role || capitalisedSomewhere)
                best = &entry;
        }
        return best;
    };

    QList<ActorMention> mentions;
    mentions.reserve(8);  // grown one by one, most sentences would move their mentions twice
    QVarLengthArray<bool, kWordsOnStack> covered(words.size(), false);
    for (qsizetype i = 0; i < words.size(); ++i) {
        const Entry *best = nullptr;
        if (const EntriesStartingWith *first = facts[i].entries) {
            // An entry of several words is longer than one of a single word: it wins if it matches.
            const auto &bySecondWord = first->bySecondWord;
            if (const auto second = i + 1 < words.size() ? bySecondWord.find(word(i + 1), hashes[i + 1]) : bySecondWord.end();
                second != bySecondWord.end())
                best = longestAt(i, second->second);
            if (!best)
                best = longestAt(i, first->oneWord);
        }
        const QStringView previous = i > 0 ? word(i - 1) : QStringView();
        if (best) {
            const qsizetype last = i + best->words.size() - 1;
            ActorMention mention{{words[i].start, words[last].end}, best->actor, {}, best->kind, false};
            if (best->kind == MentionKind::Role) {
                // "l'ancien ministre" is not the holder on the event's date.
                const bool former = previous == u"ancien" || previous == u"ancienne" || previous == u"ex";
                const QDate last = until.isValid() ? until.lastQDate() : date.lastQDate();
                mention.actor = former ? -1 : holderOn(*best, date.firstQDate(), last, context.named);
            } else {
                const Actor &actor = m_actors.at(best->actor);
                mention.locative = actor.kind != ActorKind::Person && isLocative(folded, range.start, words[i].start);
                if (!best->shortName.isEmpty())
                    context.setShortName(best->shortName, best->actor);
            }
            if (mention.actor >= 0) {
                mentions.append(mention);
                for (qsizetype k = i; k <= last; ++k)
                    covered[k] = true;
            }
            i = last;
            continue;
        }
        if (capitalised(i) && isA(i, ShortName)) {
            if (const int actor = context.actorOfShortName(word(i)); actor >= 0) {
                mentions.append({words[i], actor, {}, MentionKind::ShortName, false});
                covered[i] = true;
            }
        }
    }

    addCountryMentions(text, folded, words, hashes, facts, covered, mentions);

    // People introduced by a title whom the gazetteer does not know.
    for (qsizetype i = 0; i < words.size(); ++i) {
        const QStringView title = word(i);
        const bool honorific = (WordEqual{}(title, u"m") || WordEqual{}(title, u"mme") || WordEqual{}(title, u"mlle"))
                               && words[i].end < text.size() && text[words[i].end] == u'.';
        if (!honorific && !isA(i, Title))
            continue;
        qsizetype k = i + 1;
        int commas = 0;
        for (; k < words.size() && k <= i + 8; ++k) {
            const QStringView gap = text.mid(words[k - 1].end, words[k].start - words[k - 1].end);
            if (std::find(gap.begin(), gap.end(), u',') != gap.end())
                ++commas;
            // Searched here: QStringView::contains() of a character is a library call.
            const auto endsClause = [](QChar c) { return c == u'.' || c == u';' || c == u':' || c == u'(' || c == u'«' || c == u'"'; };
            if (commas > 1 || std::any_of(gap.begin(), gap.end(), endsClause))
                break;
            // Lower-case mentions ("du ministère chinois") are part of the title; a name ends the search.
            if (capitalised(k) && (covered[k] || !isA(k, TitleCapitalised)))
                break;
            if (honorific)
                break;
        }
        if (k >= words.size() || covered[k] || !capitalised(k) || isA(k, TitleCapitalised))
            continue;
        qsizetype end = k;
        while (end + 1 < words.size() && end < k + 2 && capitalised(end + 1) && !covered[end + 1]
               && text.mid(words[end].end, words[end + 1].start - words[end].end).trimmed().isEmpty())
            ++end;
        // A lone capitalised word far from its title is more often a place or an organisation.
        if (end == k && k != i + 1)
            continue;
        const TextSpan span{words[k].start, words[end].end};
        QString name = text.mid(span.start, span.length()).toString();
        const QString key = foldForMatching(name);
        if (const QString full = context.unlistedShortNames.value(key); !full.isEmpty())
            name = full;
        else if (end > k)
            context.unlistedShortNames.insert(foldForMatching(text.mid(words[end].start, words[end].length())), name);
        mentions.append({span, -1, name, MentionKind::Unlisted, false});
        for (qsizetype j = k; j <= end; ++j)
            covered[j] = true;
        i = end;
    }

    std::sort(mentions.begin(), mentions.end(),
              [](const ActorMention &a, const ActorMention &b) { return a.span.start < b.span.start; });
    dropRolesNamedInApposition(text, mentions);
    for (const ActorMention &mention : std::as_const(mentions)) {
        if (mention.actor >= 0 && mention.kind != MentionKind::Role)
            context.named.insert(mention.actor);
    }
    return mentions;
}

} // namespace dateline
