#include "articlereader.h"

#include "resourcefiles.h"
#include "textfolding.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QScopeGuard>
#include <QStringDecoder>

#include <algorithm>
#include <array>
#include <string_view>

#ifdef Q_OS_LINUX
#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace dateline {

namespace {

// Windows-1252 for 0x80..0x9F; the rest of the code page matches Latin-1.
constexpr std::array<char16_t, 32> kCp1252High = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

QString decodeWindows1252(QByteArrayView bytes)
{
    QString text(bytes.size(), Qt::Uninitialized);
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const auto byte = static_cast<unsigned char>(bytes[i]);
        text[i] = (byte >= 0x80 && byte < 0xA0) ? QChar(kCp1252High[byte - 0x80]) : QChar(char16_t(byte));
    }
    return text;
}

// Text almost never holds a NUL: a loop the compiler vectorises tells, before any is replaced.
bool containsNul(QStringView text)
{
    char16_t nul = 0;
    for (const char16_t *unit = text.utf16(); unit != text.utf16() + text.size(); ++unit)
        nul |= char16_t(*unit == 0);
    return nul != 0;
}

// Scraped binaries (images, archives) are full of control bytes; text almost never is.
bool looksBinary(QByteArrayView bytes)
{
    // Images and archives saved among the pages: their signatures, whatever bytes follow.
    static constexpr std::array<std::string_view, 8> signatures{
        "\x89PNG\r\n\x1a\n", "\xFF\xD8\xFF", "GIF87a", "GIF89a", "RIFF", "PK\x03\x04", "%PDF-", "\x1F\x8B"};
    for (const std::string_view signature : signatures)
        if (bytes.startsWith(QByteArrayView(signature.data(), qsizetype(signature.size()))))
            return true;
    const QByteArrayView head = bytes.first(std::min<qsizetype>(bytes.size(), 4096));
    // Counted without a branch: 10.4 M instructions for 400 articles became 2.4 M.
    quint32 control = 0;
    for (char c : head) {
        const auto byte = static_cast<unsigned char>(c);
        control += (byte < 0x20) & (byte != '\n') & (byte != '\r') & (byte != '\t') & (byte != '\f');
    }
    return qsizetype(control) * 10 > head.size();
}

// The optional first line " date 2023-03 [URL]": a leading space, the word, a date, maybe a URL.
// The URL ends at an ASCII blank, a non-breaking space belonging to it: Pattern's \S would stop there.
const Pattern &headerPattern()
{
    static const Pattern pattern(
        QStringLiteral("^[ \\t]?date(?=[ \\t]|$)(?:[ \\t]+([0-9][0-9./-]*)(?=[ \\t]|$))?(?:[ \\t]+((?:https?://|www\\.)[^ \\t\\n\\x0B\\f\\r]+))?[ \\t]*"),
        Pattern::Case::Sensitive, Pattern::Groups::Captured);
    return pattern;
}

bool endsLikeSentence(QStringView line)
{
    static const QString terminal = QStringLiteral(".!?…:;»\"”)");
    // A line ending in a quotation mark is a sentence only if the quote closes one.
    const QStringView trimmed = line.trimmed();
    if (trimmed.isEmpty())
        return false;
    const QChar last = trimmed.back();
    if (last == u'"' || last == u'”' || last == u'»' || last == u')') {
        const QStringView inner = trimmed.chopped(1).trimmed();
        return !inner.isEmpty() && QStringLiteral(".!?…").contains(inner.back());
    }
    return terminal.contains(last);
}

char16_t foldedAscii(char16_t unit) { return unit >= u'A' && unit <= u'Z' ? char16_t(unit + (u'a' - u'A')) : unit; }

// The line's case folded as QString::toCaseFolded() folds it, a code point for a code point in as
// many units, and ASCII without the Unicode tables: that call took 60 instructions a unit.
QString foldedLine(QStringView line)
{
    line = line.trimmed();
    QString folded(line.size(), Qt::Uninitialized);
    QChar *out = folded.data();
    for (qsizetype i = 0; i < line.size(); ++i) {
        const char16_t unit = line[i].unicode();
        if (unit < 0x80) {
            out[i] = QChar(foldedAscii(unit));
        } else if (QChar::isHighSurrogate(unit) && i + 1 < line.size() && line[i + 1].isLowSurrogate()) {
            const char32_t codePoint = QChar::toCaseFolded(QChar::surrogateToUcs4(unit, line[i + 1].unicode()));
            out[i] = QChar(QChar::highSurrogate(codePoint));
            out[++i] = QChar(QChar::lowSurrogate(codePoint));
        } else {
            out[i] = QChar(unit).toCaseFolded();
        }
    }
    return folded;
}

// Whether foldedLine(line) == folded. Folding keeps the length, and most lines differ from the
// title in it, or early on in ASCII: only a line that does neither is folded.
bool foldsTo(QStringView line, QStringView folded)
{
    line = line.trimmed();
    if (line.size() != folded.size())
        return false;
    qsizetype i = 0;
    for (; i < line.size() && line[i].unicode() < 0x80; ++i) {
        if (foldedAscii(line[i].unicode()) != folded[i].unicode())
            return false;
    }
    return i == line.size() || foldedLine(line) == folded;
}

// Asked of every character of the body: letters and all else above '?' are turned away by one comparison.
bool isSentenceEnder(QChar c) { return c <= u'?' ? c == u'.' || c == u'!' || c == u'?' : c == u'…'; }
bool isSentenceCloser(QChar c) { return c == u'»' || c == u'"' || c == u'”' || c == u'’' || c == u')' || c == u']'; }
bool isSentenceOpener(QChar c)
{
    return c == u'«' || c == u'"' || c == u'“' || c == u'(' || c == u'—' || c == u'–' || c == u'-';
}

constexpr qsizetype kMaxTitleLength = 200;
constexpr qsizetype kMaxHeadingLength = 120;
// Longer than any sentence of prose: a line of data, or a "word" of thousands of letters.
constexpr qsizetype kMaxSentenceLength = 4000;

// Cuts the sentences longer than kMaxSentenceLength into pieces, at a space when there is one in
// the second half of the piece; returns how many it cut. Evidence must stay readable in a row.
int cutOverlongSentences(const QString &text, QList<TextSpan> &sentences)
{
    int cut = 0;
    QList<TextSpan> pieces;
    for (TextSpan sentence : std::as_const(sentences)) {
        if (sentence.length() > kMaxSentenceLength)
            ++cut;
        while (sentence.length() > kMaxSentenceLength) {
            qsizetype end = sentence.start + kMaxSentenceLength;
            qsizetype space = end;
            while (space > sentence.start + kMaxSentenceLength / 2 && !text[space].isSpace())
                --space;
            if (text[space].isSpace())
                end = space;
            else if (text[end].isLowSurrogate())
                --end;  // never between the halves of a character
            pieces.append(TextSpan::of(sentence.start, end));
            sentence.start = qint32(end);
            while (sentence.start < sentence.end && text[sentence.start].isSpace())
                ++sentence.start;
        }
        if (sentence.length() > 0)
            pieces.append(sentence);
    }
    if (cut > 0)
        sentences = std::move(pieces);
    return cut;
}

} // namespace

QString publicationSourceName(PublicationSource source)
{
    switch (source) {
    case PublicationSource::Header: return QStringLiteral("header");
    case PublicationSource::Url: return QStringLiteral("url");
    case PublicationSource::Dateline: return QStringLiteral("dateline");
    case PublicationSource::Content: return QStringLiteral("content");
    case PublicationSource::None: break;
    }
    return QStringLiteral("none");
}

QString Article::extractableText() const
{
    // Nearly all of the text is kept: it is copied whole, and the few gaps between the title and
    // the paragraphs are blanked, line breaks kept.
    std::vector<TextSpan> kept;
    kept.reserve(size_t(paragraphs.size()) + 1);
    kept.push_back(titleSpan);
    for (const Paragraph &paragraph : paragraphs)
        kept.push_back(paragraph.span);
    std::sort(kept.begin(), kept.end(), [](TextSpan a, TextSpan b) { return a.start < b.start; });

    QString blanked = text;
    QChar *out = blanked.data();  // the one copy
    qsizetype from = 0;
    const auto blankUpTo = [&](qsizetype to) {
        for (; from < to; ++from) {
            if (out[from] != u'\n')
                out[from] = u' ';
        }
    };
    for (const TextSpan &span : kept) {
        if (span.end <= span.start)
            continue;
        blankUpTo(span.start);
        from = std::max<qsizetype>(from, span.end);
    }
    blankUpTo(blanked.size());
    return blanked;
}

ArticleReader::ArticleReader()
{
    const QJsonObject reading = loadResource(QStringLiteral("reading-fr.json"));
    // One alternation, so that a line is matched once rather than once per pattern.
    QStringList junkPatterns;
    for (const QJsonValue &pattern : reading.value(u"junk_lines").toArray()) {
        const Pattern junk(pattern.toString());
        if (junk.isValid())
            junkPatterns.append(u"(?:" + pattern.toString() + u')');
        else
            qWarning("reading-fr.json: junk line pattern skipped: %s", qPrintable(junk.errorString()));
    }
    m_junkLine = Pattern(u"^(?:" + junkPatterns.join(u'|') + u")$", Pattern::Case::Insensitive);
    for (const QJsonValue &abbreviation : reading.value(u"abbreviations").toArray())
        m_abbreviationWords.append(abbreviation.toString());
    m_abbreviations.insert(m_abbreviationWords.cbegin(), m_abbreviationWords.cend());
}

QString ArticleReader::decode(const QByteArray &bytes, QStringList *problems)
{
    QString text;
    if (bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF")) {
        auto decoder = QStringDecoder(bytes.startsWith("\xFF\xFE") ? QStringDecoder::Utf16LE : QStringDecoder::Utf16BE);
        text = decoder(QByteArrayView(bytes).sliced(2));
        // Said even when it decodes cleanly: it is what the user may wonder about if something looks off.
        problems->append(QStringLiteral("UTF-16 text: read by its byte order mark"));
        if (decoder.hasError())
            problems->append(QStringLiteral("invalid UTF-16 sequences were replaced"));
    } else {
        const QByteArrayView body = bytes.startsWith("\xEF\xBB\xBF") ? QByteArrayView(bytes).sliced(3) : QByteArrayView(bytes);
        auto decoder = QStringDecoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        text = decoder(body);
        if (decoder.hasError()) {
            // UTF-8 with a few broken sequences keeps its accents; text with more broken sequences
            // than valid ones is most likely Windows-1252, as French pages often were.
            const qsizetype broken = text.count(QChar::ReplacementCharacter);
            const qsizetype valid = std::count_if(text.cbegin(), text.cend(),
                                                  [](QChar c) { return c.unicode() >= 0x80 && c != QChar::ReplacementCharacter; });
            if (valid > broken) {
                problems->append(QStringLiteral("invalid UTF-8 sequences were replaced by \uFFFD: %1").arg(broken));
            } else {
                text = decodeWindows1252(body);
                problems->append(QStringLiteral("not valid UTF-8: read as Windows-1252"));
            }
        }
    }

    if (containsNul(text)) {
        std::replace(text.begin(), text.end(), QChar(u'\0'), QChar(u' '));
        problems->append(QStringLiteral("NUL bytes in the text were replaced by spaces"));
    }

    // Most files have Unix line ends: a scan for '\r' is cheaper than the search for "\r\n".
    if (text.contains(u'\r')) {
        text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
        text.replace(u'\r', u'\n');
    }
    return text;
}

Article ArticleReader::readFile(const QString &path, FileStamp *stamp) const
{
    const QFileInfo info(path);  // for its names only: asking it the size would be one more system call
    const auto unread = [&](const QString &problem) {
        Article article;
        article.filePath = info.absoluteFilePath();
        article.fileName = info.fileName();
        article.problems.append(problem);
        return article;
    };
    const auto cannotRead = [&](const QString &why) { return unread(u"cannot read the file: " + why); };
    const auto tooLarge = [&](qint64 size) {
        return unread(QStringLiteral("file too large (%1 MB); the limit is %2 MB")
                          .arg(size / (1024 * 1024)).arg(kMaxFileBytes / (1024 * 1024)));
    };
    if (stamp)
        *stamp = {};
    QByteArray bytes;
    FileStamp stampBeforeReading;
#ifdef Q_OS_LINUX
    // System calls are much of the cost of a small file: open, examine and read it in one of each,
    // where QFile examines it twice. Not blocking, for a pipe would wait for a writer.
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return cannotRead(qt_error_string(errno));
    const auto closeFile = qScopeGuard([fd] { ::close(fd); });
    struct stat status;
    if (::fstat(fd, &status) != 0)
        return cannotRead(qt_error_string(errno));
    if (!S_ISREG(status.st_mode))
        return cannotRead(QStringLiteral("not a regular file"));
    if (status.st_size > kMaxFileBytes)
        return tooLarge(status.st_size);
    stampBeforeReading = FileStamp::of(status);
    // Read at the size it had once open; a file that has shrunk since reads short.
    bytes.resize(status.st_size);
    qsizetype done = 0;
    bool blocking = false;
    while (done < bytes.size()) {
        const ssize_t count = ::read(fd, bytes.data() + done, size_t(bytes.size() - done));
        // Once more, blocking, on a file system that honours O_NONBLOCK for regular files (some FUSE ones).
        if (count < 0 && errno == EAGAIN && !blocking && ::fcntl(fd, F_SETFL, 0) == 0) {
            blocking = true;
            continue;
        }
        if (count < 0 && errno == EINTR)
            continue;
        if (count < 0)
            return cannotRead(qt_error_string(errno));
        if (count == 0)
            break;
        done += count;
    }
    bytes.truncate(done);
#else
    stampBeforeReading = FileStamp::of(path);
    // Unbuffered and read at the size it has once open: one read(), where a buffered read of one
    // byte more takes two.
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return cannotRead(file.errorString());
    if (file.size() > kMaxFileBytes)
        return tooLarge(file.size());
    bytes = file.read(file.size());
#endif
    if (stamp)
        *stamp = stampBeforeReading;
    Article article = read(bytes, info.fileName());
    article.filePath = info.absoluteFilePath();
    return article;
}

QByteArray ArticleReader::readUpToLimit(QFile &file)
{
    // One byte more than its size, to see it has grown. Not read(kMaxFileBytes + 1): that
    // allocates the whole limit for every file, tiny ones too.
    return file.read(std::min(file.size(), kMaxFileBytes) + 1);
}

Article ArticleReader::read(const QByteArray &bytes, const QString &fileName) const
{
    Article article;
    article.fileName = fileName;
    if (bytes.size() > kMaxFileBytes) {
        article.problems.append(QStringLiteral("file too large; the limit is %1 MB").arg(kMaxFileBytes / (1024 * 1024)));
        return article;
    }
    if (bytes.trimmed().isEmpty()) {
        article.problems.append(QStringLiteral("empty file"));
        return article;
    }
    if (looksBinary(bytes) && !bytes.startsWith("\xFF\xFE") && !bytes.startsWith("\xFE\xFF")) {
        article.problems.append(QStringLiteral("not a text file (binary content)"));
        return article;
    }
    article.text = decode(bytes, &article.problems);
    const QString &text = article.text;

    qsizetype lineStart = 0;
    bool firstLine = true;
    bool inBody = false;       // a title or paragraph has been seen
    QString titleKey;          // case-folded title, to drop its repeats
    while (lineStart <= text.size()) {
        qsizetype lineEnd = text.indexOf(u'\n', lineStart);
        if (lineEnd < 0)
            lineEnd = text.size();
        TextSpan line = TextSpan::of(lineStart, lineEnd);
        const qsizetype nextLine = lineEnd + 1;

        if (firstLine) {
            firstLine = false;
            const QStringView headerLine = article.textOf(line);
            std::array<Pattern::Match, 2> dateAndUrl;  // the header's groups
            if (const Pattern::Match header = headerPattern().match(headerLine, 0, dateAndUrl)) {
                article.headerDate = dateAndUrl[0].in(headerLine).toString();
                article.url = dateAndUrl[1].in(headerLine).toString();
                if (article.headerDate.isEmpty())
                    article.problems.append(QStringLiteral("the header line has no date"));
                article.junk.append(TextSpan::of(line.start, line.start + header.length()));
                line.start += header.length();
            }
        }

        // Trim the line's span to its content.
        while (line.start < line.end && text[line.start].isSpace())
            ++line.start;
        while (line.end > line.start && text[line.end - 1].isSpace())
            --line.end;
        const QStringView content = article.textOf(line);

        if (content.isEmpty()) {
            // blank line: nothing to keep
        } else if (isJunkLine(content) || (!titleKey.isEmpty() && foldsTo(content, titleKey))) {
            article.junk.append(line);
        } else if (!inBody && content.size() <= kMaxTitleLength && !endsLikeSentence(content)) {
            article.title = content.toString();
            article.titleSpan = line;
            titleKey = foldedLine(content);
            inBody = true;
        } else {
            const bool heading = inBody && content.size() <= kMaxHeadingLength && !endsLikeSentence(content);
            article.paragraphs.append({line, heading});
            inBody = true;
        }
        lineStart = nextLine;
    }

    for (const Paragraph &paragraph : std::as_const(article.paragraphs)) {
        if (!paragraph.heading)
            article.sentences.append(splitSentences(article, paragraph.span));
    }
    if (const int cut = cutOverlongSentences(article.text, article.sentences))
        article.problems.append(QStringLiteral("sentences longer than %1 characters were cut into pieces: %2").arg(kMaxSentenceLength).arg(cut));
    if (article.title.isEmpty() && !article.sentences.isEmpty()) {
        // Articles without a title line: the lead sentence names them in lists.
        article.title = article.textOf(article.sentences.first()).toString();
    }
    if (article.paragraphs.isEmpty())
        article.problems.append(article.title.isEmpty() ? QStringLiteral("no article text found")
                                                        : QStringLiteral("no article text found, only a title line"));
    return article;
}

bool ArticleReader::isJunkLine(QStringView line) const
{
    return bool(m_junkLine.match(line));
}

QList<TextSpan> ArticleReader::splitSentences(const Article &article, TextSpan paragraph) const
{
    const QStringView text = article.text;  // its operator[] does less than QString's, at every character

    QList<TextSpan> sentences;
    qsizetype start = paragraph.start;
    const auto addSentence = [&](qsizetype end) {
        TextSpan sentence = TextSpan::of(start, end);
        while (sentence.start < sentence.end && text[sentence.start].isSpace())
            ++sentence.start;
        while (sentence.end > sentence.start && text[sentence.end - 1].isSpace())
            --sentence.end;
        if (sentence.length() > 0)
            sentences.append(sentence);
    };

    const auto nextEnder = [&](qsizetype from) {  // the units isSentenceEnder() takes
        return findAnyOf(text.utf16() + from, text.utf16() + paragraph.end, u'.', u'!', u'?', u'…') - text.utf16();
    };
    for (qsizetype i = nextEnder(paragraph.start); i < paragraph.end; i = nextEnder(i + 1)) {
        qsizetype end = i + 1;
        while (end < paragraph.end && (isSentenceEnder(text[end]) || isSentenceCloser(text[end])))
            ++end;
        qsizetype next = end;
        while (next < paragraph.end && text[next].isSpace())
            ++next;
        if (next == end || next >= paragraph.end)
            continue;  // no space after it, or the paragraph ends anyway
        const QChar following = text[next];
        if (!(following.isUpper() || following.isDigit() || isSentenceOpener(following)))
            continue;
        if (text[i] == u'.') {
            qsizetype wordStart = i;
            while (wordStart > paragraph.start && (text[wordStart - 1].isLetter() || text[wordStart - 1] == u'.'
                                                   || text[wordStart - 1] == u'-'))
                --wordStart;
            const QStringView word = QStringView(text).mid(wordStart, i - wordStart);
            if (m_abbreviations.contains(word))
                continue;
            if (word.size() == 1 && word.front().isUpper())
                continue;  // an initial: "John F. Kennedy"
        }
        addSentence(end);
        start = end;
        i = end - 1;
    }
    addSentence(paragraph.end);
    return sentences;
}

} // namespace dateline
