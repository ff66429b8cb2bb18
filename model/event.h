#pragma once

#include "article.h"
#include "datevalue.h"

#include <QString>
#include <QStringList>

namespace dateline {

// A small CAMEO-like scheme. The order is the order of the filter and the charts' legends.
enum class EventType : quint8 { Meeting, Visit, Statement, Agreement, Military, Economic, Sanction, Conflict, Other };

inline constexpr int kEventTypeCount = 9;
QString eventTypeName(EventType type);                 // "meeting", "visit"...
std::optional<EventType> eventTypeFromName(QStringView name);

// A sentence reporting that actors did something at a date. Words of the article are kept as
// spans into its text rather than copies, and the fields are laid out without padding: a corpus
// holds millions of events.
struct Event
{
    int article = -1;       // index of the article in its Corpus
    DateValue date;         // invalid when neither the sentence nor the article dates it
    EventType type = EventType::Other;
    float confidence = 0.f;
    TextSpan evidence;      // the sentence in Article::text
    TextSpan dateSpan;      // the words that gave the date; empty when it is the publication date
    TextSpan locationSpan;  // where it happened as written ("Moscou"); empty when not stated
    QStringList actors;     // canonical names, in order of first mention
};

// The actors of `event` that the gazetteer does not know; `article` is the event's.
QStringList unlistedActors(const Event &event, const Article &article);

} // namespace dateline
