// Text plus a reference date → tagged date expressions; and the same bytes read as an article
// and dated by PublicationDateFinder, which tags again against no reference.
#include "articlereader.h"
#include "frenchdatetagger.h"
#include "fuzzcheck.h"
#include "publicationdatefinder.h"

#include <fuzzer/FuzzedDataProvider.h>

using namespace dateline;

namespace {

struct Tools
{
    ArticleReader reader;
    FrenchDateTagger tagger;
    PublicationDateFinder finder{tagger};
};

// Any precision, and years a little past both ends of the calendar the model accepts.
DateValue consumeReference(FuzzedDataProvider &input)
{
    const int year = input.ConsumeIntegralInRange(1390, 10010);
    const int month = input.ConsumeIntegralInRange(0, 13);
    const int day = input.ConsumeIntegralInRange(0, 32);
    switch (input.ConsumeIntegralInRange(0, 3)) {
    case 0: return {};
    case 1: return DateValue::ofYear(year);
    case 2: return DateValue::ofMonth(year, month);
    default: return DateValue::ofDay(year, month, day);
    }
}

void checkExpressions(const QList<TimeExpression> &expressions, QStringView text)
{
    qsizetype previousEnd = 0;
    for (const TimeExpression &e : expressions) {
        fuzzCheck(e.start >= 0 && e.start < e.end && e.end <= text.size(), "an expression is a non-empty span of the text");
        fuzzCheck(e.start >= previousEnd, "expressions come in order and do not overlap");
        fuzzCheck(e.text == text.mid(e.start, e.end - e.start), "an expression's text is the text of its span");
        previousEnd = e.end;
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const Tools tools;

    // The reference and the choice of stage come from the end of the input, the text from its start.
    FuzzedDataProvider input(data, size);
    const DateValue reference = consumeReference(input);
    const bool datePublication = input.ConsumeBool();
    const std::string bytes = input.ConsumeRemainingBytesAsString();
    const QString text = QString::fromUtf8(bytes.data(), qsizetype(bytes.size()));

    checkExpressions(tools.tagger.tag(text, reference), text);

    if (datePublication) {
        Article article = tools.reader.read(QByteArray(bytes.data(), qsizetype(bytes.size())));
        if (!article.text.isEmpty()) {
            std::optional<QList<TimeExpression>> undatedTags;
            tools.finder.date(article, &undatedTags);
            fuzzCheck(article.published.isValid() == (article.publishedSource != PublicationSource::None),
                      "a publication date has a source, and only a date has one");
            fuzzCheck(!(article.published.isValid() && article.publishedAfter.isValid()),
                      "a lower bound is given only for an undated article");
            if (undatedTags)
                checkExpressions(*undatedTags, article.extractableText());
        }
    }
    return 0;
}
