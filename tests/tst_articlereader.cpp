#include "articlereader.h"
#include "corpus.h"

#include <QDateTime>
#include <QDir>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#ifdef Q_OS_LINUX
#include <sys/stat.h>
#endif

using namespace dateline;
using namespace Qt::StringLiterals;

class TestArticleReader final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void decodes_data();
    void decodes();
    void readsHeader_data();
    void readsHeader();
    void findsTitleAndDropsItsRepeats();
    void dropsRepeatsOfTheTitleInAnyCase_data();
    void dropsRepeatsOfTheTitleInAnyCase();
    void keepsWebJunkOutOfTheBody_data();
    void keepsWebJunkOutOfTheBody();
    void splitsSentences_data();
    void splitsSentences();
    void spansMapBackToTheText();
    void extractableText_blanksAllButTitleAndParagraphs();
    void emptyAndBinaryFilesAreProblems_data();
    void emptyAndBinaryFilesAreProblems();
    void fileDeletedSinceListed_cannotBeRead();
    void fileGrownPastTheLimitSinceListed_isTooLarge();
    void pipeOrFolderGivenAsAFile_isRefusedAtOnce_data();
    void pipeOrFolderGivenAsAFile_isRefusedAtOnce();
    void fileRead_isStampedAsOpened();
    void overlongSentencesAreCutIntoPieces_data();
    void overlongSentencesAreCutIntoPieces();

private:
    QStringList bodySentences(const QByteArray &bytes) const;
    ArticleReader m_reader;
};

QStringList TestArticleReader::bodySentences(const QByteArray &bytes) const
{
    const Article article = m_reader.read(bytes);
    QStringList sentences;
    for (const TextSpan &span : article.sentences)
        sentences.append(article.textOf(span).toString());
    return sentences;
}

void TestArticleReader::decodes_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("problem");
    QTest::newRow("UTF-8") << "Pékin a répondu."_ba << u"Pékin a répondu."_s << QString();
    QTest::newRow("UTF-8 with BOM") << "\xEF\xBB\xBFPékin."_ba << u"Pékin."_s << QString();
    QTest::newRow("Windows-1252 falls back") << "P\xE9kin \x80 \x92"_ba << u"Pékin € ’"_s
                                             << u"not valid UTF-8: read as Windows-1252"_s;
    QTest::newRow("UTF-8 with a broken sequence keeps its accents")
        << "Pékin \xC3\x28 a répondu."_ba << u"Pékin \uFFFD( a répondu."_s << u"invalid UTF-8 sequences were replaced by \uFFFD: 1"_s;
    QTest::newRow("CRLF line ends") << "a\r\nb\rc"_ba << u"a\nb\nc"_s << QString();
    QTest::newRow("UTF-16 LE with BOM") << QByteArray("\xFF\xFEP\0\xE9\0", 6) << u"Pé"_s << u"UTF-16 text: read by its byte order mark"_s;
    QTest::newRow("UTF-16 BE with BOM") << QByteArray("\xFE\xFF\0P\0\xE9", 6) << u"Pé"_s << u"UTF-16 text: read by its byte order mark"_s;
    QTest::newRow("NUL bytes become spaces") << QByteArray("a\0b", 3) << u"a b"_s << u"NUL bytes in the text were replaced by spaces"_s;
}

void TestArticleReader::decodes()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, text);
    QFETCH(QString, problem);
    QStringList problems;
    QCOMPARE(ArticleReader::decode(bytes, &problems), text);
    QCOMPARE(problems, problem.isEmpty() ? QStringList() : QStringList{problem});
}

void TestArticleReader::readsHeader_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("headerDate");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("firstSentence");
    QTest::newRow("header then text on the same line") << " date 2023-03 La Chine a parlé. Puis rien."_ba << u"2023-03"_s
                                                       << QString() << u"La Chine a parlé."_s;
    QTest::newRow("header with a URL") << " date 2019-06 https://example.org/2019/06/05/article.html\nLe texte."_ba
                                       << u"2019-06"_s << u"https://example.org/2019/06/05/article.html"_s << u"Le texte."_s;
    QTest::newRow("a URL keeps a non-breaking space") << " date 2019-06 https://example.org/a\xC2\xA0" "b\nLe texte."_ba
                                                     << u"2019-06"_s << u"https://example.org/a\u00A0b"_s << u"Le texte."_s;
    QTest::newRow("no header") << "Le texte commence ici. Fin."_ba << QString() << QString() << u"Le texte commence ici."_s;
    QTest::newRow("the word date in a sentence is not a header") << "La date 2023 reste floue."_ba << QString() << QString()
                                                                 << u"La date 2023 reste floue."_s;
}

void TestArticleReader::readsHeader()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, headerDate);
    QFETCH(QString, url);
    QFETCH(QString, firstSentence);
    const Article article = m_reader.read(bytes);
    QCOMPARE(article.headerDate, headerDate);
    QCOMPARE(article.url, url);
    QVERIFY(!article.sentences.isEmpty());
    QCOMPARE(article.textOf(article.sentences.first()), firstSentence);
    if (!headerDate.isEmpty())
        QVERIFY(article.textOf(article.junk.first()).startsWith(u" date "_s));  // shown greyed, not as body
}

void TestArticleReader::findsTitleAndDropsItsRepeats()
{
    const Article article = m_reader.read("Moscou et Pékin se rapprochent\n\nMoscou et Pékin se rapprochent\n"
                                          "Moscou et Pékin se rapprochent\n\nLe premier paragraphe. Le second.\n\n"
                                          "Un intertitre\n\nLa suite du texte."_ba);
    QCOMPARE(article.title, u"Moscou et Pékin se rapprochent"_s);
    QCOMPARE(article.junk.size(), 2);
    QCOMPARE(article.paragraphs.size(), 3);
    QVERIFY(article.paragraphs.at(1).heading);
    QCOMPARE(article.sentences.size(), 3);
}

void TestArticleReader::dropsRepeatsOfTheTitleInAnyCase_data()
{
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("line");
    QTest::addColumn<bool>("dropped");
    QTest::newRow("ASCII in capitals") << u"Moscou et Pekin"_s << u"MOSCOU ET PEKIN"_s << true;
    QTest::newRow("accents in capitals") << u"À Pékin, l'Élysée"_s << u"à PÉKIN, L'ÉLYSÉE"_s << true;
    QTest::newRow("a letter outside the BMP") << u"Le mot \U00010400"_s << u"LE MOT \U00010428"_s << true;
    QTest::newRow("a final sigma folds as sigma") << u"Le mot Σ"_s << u"le mot ς"_s << true;
    QTest::newRow("another accent") << u"À Pékin"_s << u"À Pekin"_s << false;
    QTest::newRow("a paragraph that opens like the title") << u"À Pékin"_s << u"À Pékin, la Russie a parlé de la Chine."_s
                                                           << false;
}

void TestArticleReader::dropsRepeatsOfTheTitleInAnyCase()
{
    QFETCH(QString, title);
    QFETCH(QString, line);
    QFETCH(bool, dropped);
    const Article article = m_reader.read((title + u"\n\n"_s + line + u"\n\nLa Russie a parlé. La Chine aussi."_s).toUtf8());
    QCOMPARE(article.title, title);
    QCOMPARE(article.junk.size(), dropped ? 1 : 0);
}

void TestArticleReader::keepsWebJunkOutOfTheBody_data()
{
    QTest::addColumn<QString>("junk");
    QTest::newRow("table of contents") << u"Table of Contents"_s;
    QTest::newRow("video teaser") << u"A voir en vidéo"_s;
    QTest::newRow("google news") << u"For Latest Updates Follow us on Google News"_s;
    QTest::newRow("previous article") << u"PREV Deux traces d’ADN découvertes"_s;
    QTest::newRow("next article") << u"NEXT c’est finalement moins de 50 euros"_s;
    QTest::newRow("site code") << u"ttn-fr-56"_s;
}

void TestArticleReader::keepsWebJunkOutOfTheBody()
{
    QFETCH(QString, junk);
    const Article article = m_reader.read((u"Titre de l'article\n\nLa Russie a parlé.\n\n"_s + junk + u"\n\nFin du texte."_s).toUtf8());
    QCOMPARE(article.junk.size(), 1);
    QCOMPARE(article.textOf(article.junk.first()), junk);
    QVERIFY(!article.extractableText().contains(junk));
    QVERIFY(article.text.contains(junk));  // the raw file stays available
}

void TestArticleReader::splitsSentences_data()
{
    QTest::addColumn<QString>("paragraph");
    QTest::addColumn<QStringList>("sentences");
    QTest::newRow("two sentences") << u"La Chine a parlé. La Russie a répondu."_s
                                   << QStringList{u"La Chine a parlé."_s, u"La Russie a répondu."_s};
    QTest::newRow("M. does not end a sentence") << u"Selon M. Qin, tout va bien. Fin."_s
                                                << QStringList{u"Selon M. Qin, tout va bien."_s, u"Fin."_s};
    QTest::newRow("Mme and Dr") << u"Mme Durand et le Dr Martin sont venus."_s
                                << QStringList{u"Mme Durand et le Dr Martin sont venus."_s};
    QTest::newRow("initials") << u"John F. Kennedy est mort en 1963. Fin."_s
                              << QStringList{u"John F. Kennedy est mort en 1963."_s, u"Fin."_s};
    QTest::newRow("decimal comma") << u"La croissance a atteint 30,4 % en 2023. Fin."_s
                                   << QStringList{u"La croissance a atteint 30,4 % en 2023."_s, u"Fin."_s};
    QTest::newRow("quotation closed then attribution") << u"« Tout avance. », a-t-il dit. Ensuite."_s
                                                       << QStringList{u"« Tout avance. », a-t-il dit."_s, u"Ensuite."_s};
    QTest::newRow("question and exclamation") << u"Et après ? Rien ! Voilà."_s
                                              << QStringList{u"Et après ?"_s, u"Rien !"_s, u"Voilà."_s};
}

void TestArticleReader::splitsSentences()
{
    QFETCH(QString, paragraph);
    QFETCH(QStringList, sentences);
    QCOMPARE(bodySentences((u"Titre\n\n"_s + paragraph).toUtf8()), sentences);
}

void TestArticleReader::spansMapBackToTheText()
{
    const Article article = m_reader.read(" date 2023-02 Premier paragraphe, long.\r\n\r\nDeuxième paragraphe.\r\n"_ba);
    QCOMPARE(article.sentences.size(), 2);
    QCOMPARE(article.textOf(article.sentences.at(1)), u"Deuxième paragraphe."_s);
    QCOMPARE(article.text.mid(article.sentences.at(1).start, 8), u"Deuxième"_s);
    const QString extractable = article.extractableText();
    QCOMPARE(extractable.size(), article.text.size());
    QVERIFY(!extractable.contains(u"date 2023-02"_s));
}

void TestArticleReader::extractableText_blanksAllButTitleAndParagraphs()
{
    Article article;
    article.text = u"head\nTitle\njunk\nFirst.\nad\nSecond.\ntail"_s;
    const auto span = [&](const QString &part) {
        const qsizetype at = article.text.indexOf(part);
        return TextSpan::of(at, at + part.size());
    };
    article.titleSpan = span(u"Title"_s);
    // Out of order, and one paragraph empty: neither may blank or keep the wrong text.
    article.paragraphs = {{span(u"Second."_s), false}, {TextSpan{}, false}, {span(u"First."_s), false}};
    QCOMPARE(article.extractableText(), u"    \nTitle\n    \nFirst.\n  \nSecond.\n    "_s);
}

void TestArticleReader::emptyAndBinaryFilesAreProblems_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("problem");
    QTest::newRow("empty") << QByteArray() << u"empty file"_s;
    QTest::newRow("only blanks") << "  \n\n  "_ba << u"empty file"_s;
    QTest::newRow("PNG header") << "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0"_ba
                                << u"not a text file (binary content)"_s;
    QTest::newRow("PNG signature then text-like bytes")
        << QByteArray("\x89PNG\r\n\x1a\n", 8) + QByteArray(2000, '\xA5') << u"not a text file (binary content)"_s;
    QTest::newRow("JPEG signature") << QByteArray("\xFF\xD8\xFF\xE0", 4) + QByteArray(2000, 'a') << u"not a text file (binary content)"_s;
}

void TestArticleReader::emptyAndBinaryFilesAreProblems()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, problem);
    const Article article = m_reader.read(bytes);
    QCOMPARE(article.problems, QStringList{problem});
    QVERIFY(article.sentences.isEmpty());
}

namespace {

// Writes a small article into `folder` and lists the folder; the article's path, empty if either failed.
QString writeListedArticle(const QTemporaryDir &folder)
{
    const QString path = folder.filePath(u"article.txt"_s);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write("Titre\n\nUne phrase.\n") <= 0)
        return {};
    QStringList missing;
    return listArticleFiles({folder.path()}, &missing) == QStringList{path} ? path : QString();
}

} // namespace

void TestArticleReader::fileDeletedSinceListed_cannotBeRead()
{
    QTemporaryDir folder;
    const QString path = writeListedArticle(folder);
    QVERIFY(!path.isEmpty());
    QVERIFY(QFile::remove(path));
    const Article article = m_reader.readFile(path);
    QCOMPARE(article.problems.size(), 1);
    QVERIFY2(article.problems.first().startsWith(u"cannot read the file"_s), qPrintable(article.problems.first()));
}

void TestArticleReader::fileGrownPastTheLimitSinceListed_isTooLarge()
{
    QTemporaryDir folder;
    const QString path = writeListedArticle(folder);
    QVERIFY(!path.isEmpty());
    QVERIFY(QFile::resize(path, ArticleReader::kMaxFileBytes + 1000));  // sparse: no disk used
    const Article article = m_reader.readFile(path);
    QCOMPARE(article.problems.size(), 1);
    QVERIFY2(article.problems.first().startsWith(u"file too large"_s), qPrintable(article.problems.first()));
    QVERIFY(article.text.isEmpty());
}

void TestArticleReader::pipeOrFolderGivenAsAFile_isRefusedAtOnce_data()
{
    QTest::addColumn<bool>("pipe");
    QTest::newRow("a named pipe no one writes to") << true;
    QTest::newRow("a folder") << false;
}

void TestArticleReader::pipeOrFolderGivenAsAFile_isRefusedAtOnce()
{
    // Listing a folder skips them, but a path given to open is read as it is: a pipe must not
    // make the reader wait for a writer.
    QFETCH(bool, pipe);
    QTemporaryDir folder;
    const QString path = folder.filePath(u"not-an-article"_s);
#ifdef Q_OS_LINUX
    QVERIFY(pipe ? mkfifo(QFile::encodeName(path).constData(), 0600) == 0 : QDir(folder.path()).mkdir(u"not-an-article"_s));
#else
    if (pipe)
        QSKIP("named pipes are made and read without blocking on Linux only");
    QVERIFY(QDir(folder.path()).mkdir(u"not-an-article"_s));
#endif
    FileStamp stamp{1, 1};
    const Article article = m_reader.readFile(path, &stamp);
    QCOMPARE(article.problems.size(), 1);
    QVERIFY2(article.problems.first().startsWith(u"cannot read the file"_s), qPrintable(article.problems.first()));
    QVERIFY(article.text.isEmpty());
    QVERIFY(!stamp.isValid());
}

void TestArticleReader::fileRead_isStampedAsOpened()
{
    QTemporaryDir folder;
    const QString path = writeListedArticle(folder);
    QVERIFY(!path.isEmpty());
    FileStamp stamp;
    m_reader.readFile(path, &stamp);
    QVERIFY(!stamp.isValid());  // just written: not settled yet

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.setFileTime(QDateTime::currentDateTime().addSecs(-60), QFileDevice::FileModificationTime));
    file.close();
    const Article article = m_reader.readFile(path, &stamp);
    QVERIFY(stamp.isValid());
    QCOMPARE(stamp, FileStamp::of(path));
    QVERIFY(!article.text.isEmpty());

    QVERIFY(QFile::remove(path));
    m_reader.readFile(path, &stamp);
    QVERIFY(!stamp.isValid());
}

void TestArticleReader::overlongSentencesAreCutIntoPieces_data()
{
    QTest::addColumn<QString>("sentence");
    QTest::newRow("a word of 20,000 letters") << u"Un mot "_s + QString(20'000, u'x') + u" finit."_s;
    QTest::newRow("20,000 characters of emoji") << QString(u"😀"_s).repeated(10'000);
    QTest::newRow("a line of words without a stop") << u"encore des mots "_s.repeated(1'000);
}

void TestArticleReader::overlongSentencesAreCutIntoPieces()
{
    QFETCH(QString, sentence);
    const Article article = m_reader.read((u" date 2023-03\nTitre\n\nPremière phrase. "_s + sentence + u"\n"_s).toUtf8());
    QCOMPARE(article.problems.size(), 1);
    QVERIFY2(article.problems.first().startsWith(u"sentences longer than 4000 characters were cut into pieces"_s),
             qPrintable(article.problems.first()));
    QString joined;
    for (const TextSpan &piece : article.sentences) {
        QVERIFY(piece.length() <= 4000);
        QVERIFY(!article.text.at(piece.start).isLowSurrogate());
        QVERIFY(!article.text.at(piece.end - 1).isHighSurrogate());
        joined += article.textOf(piece);
    }
    QCOMPARE(joined.remove(u' '), QString(u"Première phrase."_s + sentence).remove(u' '));
}

QTEST_GUILESS_MAIN(TestArticleReader)
#include "tst_articlereader.moc"
