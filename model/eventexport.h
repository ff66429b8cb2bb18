#pragma once

#include <QByteArray>
#include <QJsonObject>

namespace dateline {

struct Corpus;
struct EventFilter;

// The export formats of `dateline export-events`, also used by the GUI.
// Offsets are Unicode code points into the article's text.
QJsonObject eventsToJson(const Corpus &corpus, const EventFilter &filter);
QByteArray eventsToCsv(const Corpus &corpus, const EventFilter &filter);

} // namespace dateline
