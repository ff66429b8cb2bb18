#pragma once

#include "datevalue.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace dateline {

// A half-open range [start, end) of UTF-16 offsets into Article::text. 32 bits are plenty: the
// reader refuses files of more than kMaxFileBytes, and a corpus holds millions of spans.
struct TextSpan
{
    qint32 start = 0;
    qint32 end = 0;

    static TextSpan of(qsizetype start, qsizetype end) { return {qint32(start), qint32(end)}; }

    qsizetype length() const { return end - start; }
    bool contains(qsizetype offset) const { return offset >= start && offset < end; }
    friend bool operator==(const TextSpan &, const TextSpan &) = default;
};

// Where an article's publication date came from, most trusted first.
enum class PublicationSource : quint8 {
    Header,     // the " date 2023-03" first line
    Url,        // a date inside the URL that follows the header
    Dateline,   // "Publié le 5 juin 2019" near the top
    Content,    // inferred from the text, e.g. an anniversary of an anchor event
    None,       // unknown; Article::publishedAfter may still bound it
};

QString publicationSourceName(PublicationSource source);  // "header", "url", "dateline", "content", "none"

struct Paragraph
{
    TextSpan span;
    bool heading = false;   // a short section heading between paragraphs
};

// A block of article texts side by side, which the articles' texts view (QString::fromRawData)
// instead of each owning a heap block. Allocating and faulting in a block per text took half the
// time of reading a cache of 100,000 articles, and half the page faults of extracting them.
using SharedTexts = std::shared_ptr<const char16_t[]>;

// One scraped article file: its decoded text and the structure found in it.
// Every span indexes `text`, which is what the reader pane shows.
struct Article
{
    QString filePath;
    QString fileName;
    QString text;                 // decoded, line ends normalised, otherwise as in the file
    SharedTexts textBlock;        // what `text` views, if it views a block: every copy of the article keeps it
    QString headerDate;           // the date word of the " date ..." header line, as written
    QString url;                  // from the header line, if any
    QString title;
    TextSpan titleSpan;
    QList<Paragraph> paragraphs;  // body only: no header, title repeats or web junk
    QList<TextSpan> sentences;    // sentences of the body paragraphs that are not headings
    QList<TextSpan> junk;         // the header, title repeats and web junk: kept out of extraction
    DateValue published;
    PublicationSource publishedSource = PublicationSource::None;
    DateValue publishedAfter;     // lower bound when the date itself is unknown
    QString publishedEvidence;    // the words that gave the date
    QStringList problems;         // what was wrong with the file, for the user
    QStringList unlistedActors;   // actors of its events that the gazetteer does not know

    QStringView textOf(TextSpan span) const { return QStringView(text).mid(span.start, span.length()); }
    // The text with everything outside title and body blanked, offsets unchanged: what taggers read.
    QString extractableText() const;
};

} // namespace dateline
