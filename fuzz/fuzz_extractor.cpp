// The bytes of an article file → its events, through every stage of Extractor: reading, dating
// the article, tagging its dates, finding actors and events. Every span an event keeps must lie
// inside the sentence it is proven by, and the sentence inside the text.
#include "extractor.h"
#include "fuzzcheck.h"

using namespace dateline;

namespace {

bool inside(TextSpan span, TextSpan within)
{
    return span.start >= within.start && span.start <= span.end && span.end <= within.end;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const Extractor extractor;

    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const Extractor::Result result = extractor.extract(bytes, QStringLiteral("fuzz.txt"));
    const Article &article = result.article;
    const TextSpan wholeText = TextSpan::of(0, article.text.size());

    fuzzCheck(result.events.size() <= Extractor::kMaxEventsPerArticle, "an article keeps at most the events it may");
    for (const Event &event : result.events) {
        fuzzCheck(event.evidence.length() > 0 && inside(event.evidence, wholeText), "an event's sentence is a span of the text");
        if (event.dateSpan.length() > 0)
            fuzzCheck(inside(event.dateSpan, event.evidence), "the words that date an event lie inside its sentence");
        if (event.locationSpan.length() > 0)
            fuzzCheck(inside(event.locationSpan, event.evidence), "an event's place lies inside its sentence");
        fuzzCheck(!event.actors.isEmpty(), "an event names an actor");
        for (const QString &actor : event.actors)
            fuzzCheck(!actor.trimmed().isEmpty(), "actors have names");
        fuzzCheck(event.confidence >= 0.f && event.confidence <= 1.f, "confidence is between 0 and 1");
    }
    return 0;
}
