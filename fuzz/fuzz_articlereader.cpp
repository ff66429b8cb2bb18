// The bytes of an article file → Article: encoding detection, header line, title, junk,
// paragraphs and sentences. Every span must stay inside the decoded text.
#include "articlereader.h"
#include "fuzzcheck.h"

using namespace dateline;

namespace {

bool insideText(const Article &article, TextSpan span)
{
    return span.start >= 0 && span.start <= span.end && span.end <= article.text.size();
}

bool insideSomeParagraph(const Article &article, TextSpan sentence)
{
    for (const Paragraph &paragraph : article.paragraphs) {
        if (sentence.start >= paragraph.span.start && sentence.end <= paragraph.span.end)
            return true;
    }
    return false;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const ArticleReader reader;

    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const Article article = reader.read(bytes, QStringLiteral("fuzz.txt"));

    fuzzCheck(insideText(article, article.titleSpan), "the title span lies inside the text");
    if (article.titleSpan.length() > 0)
        fuzzCheck(article.title == article.textOf(article.titleSpan), "the title is the text of its span");
    for (const Paragraph &paragraph : article.paragraphs)
        fuzzCheck(insideText(article, paragraph.span) && paragraph.span.length() > 0, "paragraphs are non-empty spans of the text");
    for (const TextSpan &sentence : article.sentences) {
        fuzzCheck(insideText(article, sentence) && sentence.length() > 0, "sentences are non-empty spans of the text");
        fuzzCheck(insideSomeParagraph(article, sentence), "every sentence lies in a paragraph");
    }
    for (const TextSpan &junk : article.junk)
        fuzzCheck(insideText(article, junk), "junk spans lie inside the text");
    fuzzCheck(article.extractableText().size() == article.text.size(), "blanking keeps every offset");
    return 0;
}
