#include "eventextractor.h"

#include "gazetteer.h"
#include "resourcefiles.h"
#include "textfolding.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace dateline {

namespace {

constexpr float kBaseConfidence = 0.4f;
constexpr float kOwnDateBonus = 0.2f;
constexpr float kLeadBonus = 0.15f;
constexpr float kTwoActorsBonus = 0.15f;
constexpr float kNamedActorBonus = 0.1f;
constexpr float kMaxConfidence = 0.95f;

// Where the reported words of a statement begin: the first "que" after its verb.
qsizetype reportedClauseStart(QStringView foldedSentence, qsizetype cueEnd)
{
    static const QRegularExpression que(QStringLiteral("\\bqu(?:e\\b|')"));
    const auto match = que.match(foldedSentence.mid(cueEnd));
    return match.hasMatch() ? cueEnd + match.capturedStart() : foldedSentence.size();
}

} // namespace

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
    const auto alternatives = [](const QJsonValue &list) {
        QStringList cues;
        for (const QJsonValue &cue : list.toArray()) {
            // One broken cue in a user's file must not take its type's other cues with it.
            const QString pattern = cue.toString().trimmed();
            if (pattern.isEmpty())
                continue;
            if (const QRegularExpression check(pattern); !check.isValid()) {
                qWarning("event-cues.json: cue \"%s\" skipped: %s", qPrintable(pattern), qPrintable(check.errorString()));
                continue;
            }
            cues.append(u"(?:" + pattern + u')');
        }
        // Never matches when the list is empty.
        return QRegularExpression(cues.isEmpty() ? u"(?!)"_s : u"(?<!\\w)(?:" + cues.join(u'|') + u')',
                                  QRegularExpression::UseUnicodePropertiesOption);
    };
    const QJsonObject resource = loadResource(QStringLiteral("event-cues.json"));
    for (const QJsonValue &value : resource.value(u"types").toArray()) {
        const QJsonObject object = value.toObject();
        const auto type = eventTypeFromName(object.value(u"type").toString());
        Cues cues{type.value_or(EventType::Other), alternatives(object.value(u"verbs")), alternatives(object.value(u"nouns"))};
        if (type && cues.verbs.isValid() && cues.nouns.isValid())
            m_cues.append(cues);
        else
            qWarning("event-cues.json: type %s skipped", qPrintable(object.value(u"type").toString()));
    }
}

std::optional<EventExtractor::Typing> EventExtractor::typeOf(QStringView sentence, QStringView folded) const
{
    // The verb of an infinitive clause ("avant de visiter", "pour signer") is not what the sentence reports.
    static const QRegularExpression subordinate(QStringLiteral("(?:avant d(?:e |')|apres (?:avoir|etre) |afin d(?:e |')|pour )$"));
    // A cue written with a capital inside the sentence belongs to a name or a title.
    const auto firstCue = [&](const QRegularExpression &pattern, bool verb) -> qsizetype {
        for (auto it = pattern.globalMatch(folded); it.hasNext();) {
            const auto match = it.next();
            const qsizetype at = match.capturedStart();
            if (at > 0 && sentence[at].isUpper())
                continue;
            if (verb && subordinate.match(folded.mid(std::max<qsizetype>(0, at - 12), std::min<qsizetype>(at, 12))).hasMatch())
                continue;
            return match.capturedEnd();
        }
        return -1;
    };
    for (const bool verbs : {true, false}) {
        for (const Cues &cues : m_cues) {
            if (const qsizetype end = firstCue(verbs ? cues.verbs : cues.nouns, verbs); end >= 0)
                return Typing{cues.type, end};
        }
    }
    return std::nullopt;
}

QList<Event> EventExtractor::extract(const Article &article, const QList<TimeExpression> &dates, int articleIndex) const
{
    const QString folded = foldForMatching(article.text);
    const TextSpan lead = [&] {
        for (const Paragraph &paragraph : article.paragraphs)
            if (!paragraph.heading)
                return paragraph.span;
        return TextSpan{};
    }();

    QList<Event> events;
    MentionContext context;
    qsizetype nextDate = 0;
    for (const TextSpan &sentence : article.sentences) {
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
            bounded ? DateValue::fromQDate(QDate::currentDate(), Precision::Day) : DateValue());
        if (!typing)
            continue;

        Event event;
        event.article = articleIndex;
        event.type = typing->type;
        event.evidence = sentence;
        event.date = date;
        if (own)
            event.dateSpan = {own->start, own->end};
        bool named = false;
        for (const ActorMention &mention : mentions) {
            if (mention.locative) {
                if (event.locationSpan.length() == 0)
                    event.locationSpan = mention.span;
                continue;
            }
            const QString name = mention.actor >= 0 ? m_gazetteer.actors().at(mention.actor).name : mention.unlistedName;
            if (event.actors.contains(name))
                continue;
            event.actors.append(name);
            if (mention.kind == MentionKind::Unlisted)
                event.unlistedActors.append(name);
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
