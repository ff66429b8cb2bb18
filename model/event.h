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
// spans into its text rather than copies: a corpus holds millions of events.
struct Event
{
    int article = -1;       // index of the article in its Corpus
    DateValue date;         // invalid when neither the sentence nor the article dates it
    TextSpan dateSpan;      // the words that gave the date; empty when it is the publication date
    QStringList actors;     // canonical names, in order of first mention
    QStringList unlistedActors;  // the subset of `actors` that the gazetteer does not know
    EventType type = EventType::Other;
    TextSpan locationSpan;  // where it happened as written ("Moscou"); empty when not stated
    TextSpan evidence;      // the sentence in Article::text
    float confidence = 0.f;
};

} // namespace dateline
