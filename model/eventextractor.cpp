#include "eventextractor.h"

#include "gazetteer.h"
#include "resourcefiles.h"
#include "textfolding.h"

#include <QJsonArray>

#include <algorithm>
#include <array>
#include <bit>
#include <map>

using namespace Qt::StringLiterals;

namespace dateline {

namespace {

constexpr float kBaseConfidence = 0.4f;
constexpr float kOwnDateBonus = 0.2f;
constexpr float kLeadBonus = 0.15f;
constexpr float kTwoActorsBonus = 0.15f;
constexpr float kNamedActorBonus = 0.1f;
constexpr float kMaxConfidence = 0.95f;

// What \w matches without Unicode properties: a cue's (?<!\w) cannot follow it, nor \b lie between two.
bool isAsciiWordUnit(QChar c) { return isAsciiOf(c.unicode(), kAsciiWordClasses); }

// Where the reported words of a statement begin: the first word "que" or "qu'" after its verb.
qsizetype reportedClauseStart(QStringView foldedSentence, qsizetype cueEnd)
{
    const QStringView reported = foldedSentence.sliced(cueEnd);
    // Every "q" and the unit after it: QStringView::indexOf(u"qu") costs a library call and a
    // setup for each match, and a statement's clause has several.
    const char16_t *const begin = reported.utf16();
    const char16_t *const end = begin + reported.size();
    for (const char16_t *q = std::find(begin, end, u'q'); q != end; q = std::find(q + 1, end, u'q')) {
        if (q + 1 == end || q[1] != u'u')
            continue;
        const qsizetype at = q - begin;
        if (at > 0 && isAsciiWordUnit(reported[at - 1]))
            continue;
        const qsizetype after = at + 2;
        if (after < reported.size()
            && (reported[after] == u'\''
                || (reported[after] == u'e' && (after + 1 == reported.size() || !isAsciiWordUnit(reported[after + 1])))))
            return cueEnd + at;
    }
    return foldedSentence.size();
}

// Three UTF-16 units in one integer, the key of a walk's start.
quint64 packedKey(char16_t first, char16_t second, char16_t third)
{
    return quint64(first) << 32 | quint64(second) << 16 | third;
}

} // namespace

QStringList unlistedActors(const Event &event, const Article &article)
{
    QStringList unlisted;
    for (const QString &actor : event.actors)
        if (article.unlistedActors.contains(actor))
            unlisted.append(actor);
    return unlisted;
}

QString eventTypeName(EventType type)
{
    switch (type) {
    case EventType::Meeting: return QStringLiteral("meeting");
    case EventType::Visit: return QStringLiteral("visit");
    case EventType::Statement: return QStringLiteral("statement");
    case EventType::Agreement: return QStringLiteral("agreement");
    case EventType::Military: return QStringLiteral("military");
    case EventType::Economic: return QStringLiteral("economic");
    case EventType::Sanction: return QStringLiteral("sanction");
    case EventType::Conflict: return QStringLiteral("conflict");
    case EventType::Other: return QStringLiteral("other");
    }
    return {};
}

std::optional<EventType> eventTypeFromName(QStringView name)
{
    for (int i = 0; i < kEventTypeCount; ++i) {
        const auto type = EventType(i);
        if (name.compare(eventTypeName(type), Qt::CaseInsensitive) == 0)
            return type;
    }
    return std::nullopt;
}

EventExtractor::EventExtractor(const Gazetteer &gazetteer) : m_gazetteer(gazetteer)
{
    // One broken cue in a user's file must not take its type's other cues with it.
    const auto validCues = [](const QJsonValue &list) {
        QStringList cues;
        for (const QJsonValue &cue : list.toArray()) {
            const QString pattern = cue.toString().trimmed();
            if (pattern.isEmpty())
                continue;
            if (const Pattern check(pattern); !check.isValid()) {
                qWarning("event-cues.json: cue \"%s\" skipped: %s", qPrintable(pattern), qPrintable(check.errorString()));
                continue;
            }
            cues.append(pattern);
        }
        return cues;
    };
    const auto alternation = [](const QStringList &cues) {
        QStringList groups;
        for (const QString &cue : cues)
            groups.append(u"(?:" + cue + u')');
        return groups.isEmpty() ? u"(?!)"_s : u"(?<!\\w)(?:" + groups.join(u'|') + u')';  // never matches when empty
    };
    // Most lists are tried only where one of their leads starts (see typeOf()).
    const auto anchoredAlternation = [&](const QStringList &cues) { return Pattern(u"\\G" + alternation(cues)); };
    struct TypeCues
    {
        EventType type;
        QStringList verbs, nouns;
        Pattern verbPattern, nounPattern;  // anchored
    };
    QList<TypeCues> types;
    const QJsonObject resource = loadResource(QStringLiteral("event-cues.json"));
    for (const QJsonValue &value : resource.value(u"types").toArray()) {
        const QJsonObject object = value.toObject();
        const auto type = eventTypeFromName(object.value(u"type").toString());
        TypeCues cues{type.value_or(EventType::Other), validCues(object.value(u"verbs")), validCues(object.value(u"nouns")), {}, {}};
        cues.verbPattern = anchoredAlternation(cues.verbs);
        cues.nounPattern = anchoredAlternation(cues.nouns);
        if (type && cues.verbPattern.isValid() && cues.nounPattern.isValid())
            types.append(cues);
        else
            qWarning("event-cues.json: type %s skipped", qPrintable(object.value(u"type").toString()));
    }

    // The trie is built with a map of children per node, then laid out with each node's
    // children together in one array.
    struct BuildNode
    {
        quint64 lists = 0;
        std::map<char16_t, quint32> children;
    };
    std::vector<BuildNode> trie(1);
    static_assert(kKeyLength == 3, "packedKey() packs three units");
    for (const bool verbs : {true, false}) {
        for (const TypeCues &type : std::as_const(types)) {
            const QStringList &cues = verbs ? type.verbs : type.nouns;
            const qsizetype index = m_cueLists.size();
            // The leads of all the list's cues, if each can be told and the list has a bit of its own.
            std::optional<QStringList> leads;
            if (index < kFilteredLists) {
                leads.emplace();
                for (const QString &cue : cues) {
                    const auto cueLeads = leadingLiterals(cue, kKeyLength, kMaxLeadLength);
                    if (!cueLeads) {
                        leads.reset();
                        break;
                    }
                    leads->append(*cueLeads);
                }
            }
            if (!leads) {
                // Searched for, from the start of the sentence.
                m_cueLists.append({type.type, verbs, Pattern(alternation(cues)), false});
                continue;
            }
            m_cueLists.append({type.type, verbs, verbs ? type.verbPattern : type.nounPattern, true});
            const quint64 bit = quint64(1) << index;
            for (const QString &lead : std::as_const(*leads)) {
                quint32 node = 0;
                for (const QChar unit : lead) {
                    const auto [child, added] = trie[node].children.try_emplace(unit.unicode(), quint32(trie.size()));
                    node = child->second;
                    if (added)
                        trie.emplace_back();
                }
                trie[node].lists |= bit;
            }
        }
    }
    m_leadNodes.reserve(trie.size());
    for (const BuildNode &node : trie) {
        m_leadNodes.push_back({node.lists, quint32(m_leadChildren.size()), quint32(node.children.size())});
        for (const auto &[unit, child] : node.children)
            m_leadChildren.push_back({unit, child});
    }

    // Every lead has kKeyLength units or more: the nodes that deep, keyed by the units above them.
    // The walks start there; the nodes above are not walked.
    std::vector<WalkStart> starts;
    for (const auto &[first, depth1] : trie.front().children) {
        for (const auto &[second, depth2] : trie[depth1].children) {
            for (const auto &[third, depth3] : trie[depth2].children)
                starts.push_back({packedKey(first, second, third), depth3});
        }
    }
    m_walkStartBits = 4;
    while ((size_t(1) << m_walkStartBits) < 4 * starts.size())
        ++m_walkStartBits;
    m_walkStarts.assign(size_t(1) << m_walkStartBits, WalkStart());
    for (const WalkStart &start : starts) {
        size_t slot = slotOf(start.key, m_walkStartBits);
        while (m_walkStarts[slot].node != 0)
            slot = (slot + 1) & (m_walkStarts.size() - 1);
        m_walkStarts[slot] = start;
        const size_t bit = slotOf(start.key, kWalkFilterBits);
        m_walkFilter[bit / 64] |= quint64(1) << (bit % 64);
    }
}

quint32 EventExtractor::walkStart(quint64 key) const
{
    if (const size_t bit = slotOf(key, kWalkFilterBits); !(m_walkFilter[bit / 64] >> (bit % 64) & 1))
        return 0;
    for (size_t slot = slotOf(key, m_walkStartBits);; slot = (slot + 1) & (m_walkStarts.size() - 1)) {
        const WalkStart &entry = m_walkStarts[slot];
        if (entry.node == 0 || entry.key == key)
            return entry.node;
    }
}

std::optional<EventExtractor::Typing> EventExtractor::typeOf(QStringView sentence, QStringView folded) const
{
    // The verb of an infinitive clause ("avant de visiter", "pour signer") is not what the sentence reports.
    static constexpr auto subordinators = std::to_array<QStringView>(
        {u"avant de ", u"avant d'", u"apres avoir ", u"apres etre ", u"afin de ", u"afin d'", u"pour "});
    // A cue written with a capital inside the sentence belongs to a name or a title.
    const auto rejected = [&](qsizetype at, bool verb) {
        const QStringView before = folded.first(at);
        return (at > 0 && sentence[at].isUpper())
            || (verb && std::any_of(subordinators.begin(), subordinators.end(), [&](QStringView s) { return hasSuffix(before, s); }));
    };
    // The first match that is not rejected, in the order globalMatch() lists them.
    const auto firstCue = [&](const Pattern &pattern, bool verb) -> qsizetype {
        for (auto match = pattern.match(folded); match; match = pattern.next(folded, match)) {
            if (!rejected(match.start, verb))
                return match.end;
        }
        return -1;
    };

    // Where leads start, with the lists those leads belong to, in text order: a cue matches only
    // where one of its list's leads does. Cue patterns match after (?<!\w), which an ASCII
    // letter, digit or underscore before rules out.
    QVarLengthArray<std::pair<qsizetype, quint64>, 32> leadStarts;
    quint64 possible = 0;
    forEachPositionAfterNonWord(folded, folded.size() - kKeyLength + 1, [&](qsizetype at) {
        const quint32 start = walkStart(packedKey(folded[at].unicode(), folded[at + 1].unicode(), folded[at + 2].unicode()));
        if (start == 0)
            return;
        // Down the trie as far as the text follows it: the text at `at` begins with every lead
        // that ends at a node passed.
        const LeadNode *node = &m_leadNodes[start];
        quint64 lists = 0;
        for (qsizetype k = at + kKeyLength;; ++k) {
            lists |= node->lists;
            if (k == folded.size())
                break;
            const LeadChild *const children = m_leadChildren.data() + node->firstChild;
            const LeadChild *const child = std::find_if(children, children + node->childCount,
                                                        [unit = folded[k].unicode()](const LeadChild &c) { return c.unit == unit; });
            if (child == children + node->childCount)
                break;
            node = &m_leadNodes[child->node];
        }
        if (lists) {
            leadStarts.append({at, lists});
            possible |= lists;
        }
    });

    for (qsizetype index = 0; index < m_cueLists.size(); ++index) {
        const CueList &list = m_cueLists[index];
        if (!list.anchored) {
            if (const qsizetype end = firstCue(list.pattern, list.verbs); end >= 0)
                return Typing{list.type, end};
            continue;
        }
        if (!(possible >> index & 1))
            continue;
        // Each lead's start in turn, as a search would reach them; past a rejected match, as
        // globalMatch() goes on after it.
        qsizetype from = 0;
        for (const auto &[at, lists] : leadStarts) {
            if (at < from || !(lists >> index & 1))
                continue;
            const Pattern::Match match = list.pattern.match(folded, at);
            if (!match)
                continue;
            if (!rejected(match.start, list.verbs))
                return Typing{list.type, match.end};
            from = match.end;
        }
    }
    return std::nullopt;
}

QList<Event> EventExtractor::extract(const Article &article, const QList<TimeExpression> &dates, QStringList *unlistedActors,
                                     qsizetype maxEvents) const
{
    const QString folded = foldForMatching(article.text);
    const TextSpan lead = [&] {
        for (const Paragraph &paragraph : article.paragraphs)
            if (!paragraph.heading)
                return paragraph.span;
        return TextSpan{};
    }();

    const DateValue today = article.publishedAfter.isValid() ? DateValue::fromQDate(localToday(), Precision::Day) : DateValue();
    QList<Event> events;
    MentionContext context;
    qsizetype nextDate = 0;
    for (const TextSpan &sentence : article.sentences) {
        if (events.size() > maxEvents)
            break;
        const QStringView foldedSentence = QStringView(folded).mid(sentence.start, sentence.length());
        const auto typing = typeOf(article.textOf(sentence), foldedSentence);

        // The sentence's own date: its first resolved date expression. One that took the last
        // date mentioned for an unknown publication date is a guess, and a wrong date is worse than none.
        // A statement is dated by when it was said: dates in what was said ("a affirmé que ... mardi")
        // are not its date.
        const bool statement = typing && typing->type == EventType::Statement;
        const qsizetype reportedFrom = statement ? reportedClauseStart(foldedSentence, typing->cueEnd) : sentence.length();
        const TimeExpression *own = nullptr;
        while (nextDate < dates.size() && dates[nextDate].start < sentence.start)
            ++nextDate;
        for (qsizetype d = nextDate; d < dates.size() && dates[d].start < sentence.end; ++d) {
            const TimeExpression &candidate = dates[d];
            if (!candidate.date.isValid() || candidate.referenceStandIn)
                continue;
            if (statement && candidate.start - sentence.start >= reportedFrom)
                continue;
            own = &candidate;
            break;
        }
        const bool inLead = lead.contains(sentence.start);
        const DateValue date = own ? own->date : article.published;

        // Mentions are collected even in sentences that are not events, so that short names carry over.
        // Roles resolve on the event's own date only: a lower bound could name a predecessor.
        // An undated article written after a known date lies between it and today: a role that
        // one person held for most of that time (as Gazetteer reads roles on any span) is theirs.
        const bool bounded = !date.isValid() && article.publishedAfter.isValid();
        const QList<ActorMention> mentions = m_gazetteer.findMentions(
            article.text, folded, sentence, bounded ? article.publishedAfter : date, context,
            bounded ? today : DateValue());
        if (!typing)
            continue;

        Event event;
        event.type = typing->type;
        event.evidence = sentence;
        event.date = date;
        if (own)
            event.dateSpan = TextSpan::of(own->start, own->end);
        event.actors.reserve(mentions.size());
        bool named = false;
        for (const ActorMention &mention : mentions) {
            if (mention.locative) {
                if (event.locationSpan.length() == 0)
                    event.locationSpan = mention.span;
                continue;
            }
            // By reference: the event's list keeps the one copy it needs.
            const QString &name = mention.actor >= 0 ? m_gazetteer.actors().at(mention.actor).name : mention.unlistedName;
            if (event.actors.contains(name))
                continue;
            event.actors.append(name);
            if (mention.kind == MentionKind::Unlisted && !unlistedActors->contains(name))
                unlistedActors->append(name);
            named = named || mention.kind != MentionKind::Metonym;
        }
        if (event.actors.isEmpty())
            continue;

        float confidence = kBaseConfidence;
        if (own)
            confidence += kOwnDateBonus;
        else if (inLead && date.isValid())
            confidence += kLeadBonus;
        if (event.actors.size() >= 2)
            confidence += kTwoActorsBonus;
        if (named)
            confidence += kNamedActorBonus;
        event.confidence = std::min(confidence, kMaxConfidence);
        events.append(event);
    }
    return events;
}

} // namespace dateline
