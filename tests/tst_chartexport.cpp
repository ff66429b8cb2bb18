#include "chartexport.h"
#include "corpus.h"
#include "eventbins.h"
#include "eventfilter.h"
#include "eventindex.h"
#include "extractor.h"
#include "testfiles.h"

#include <QApplication>
#include <QFile>
#include <QImage>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;
using namespace dateline;

// Draws every picture over the bundled articles in each format, on the offscreen platform.
class TestChartExport final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void pngHasTheRequestedSizeAndIsNotBlank_data();
    void pngHasTheRequestedSizeAndIsNotBlank();
    void svgParsesWithAnSvgRoot_data();
    void svgParsesWithAnSvgRoot();
    void pdfHasExactlyOnePage_data();
    void pdfHasExactlyOnePage();
    void captionStatesCountsAndExportDate();
    void timelineShowsWholeLanesAndSaysWhenSomeAreLeftOut();
    void formatComesFromTheSuffix();
    void badPictureSizeOrSuffixIsRefused();
    void unwritableTargetIsRefusedAndLeavesNothing();

private:
    void addPictureRows();
    QByteArray exportBytes(const QString &picture, const QString &fileName, const PictureSettings &settings = {});

    Corpus m_corpus;
    std::shared_ptr<const EventIndex> m_index;
    QTemporaryDir m_dir;
    const QDate m_exportDate{2025, 6, 30};
};

void TestChartExport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QStringList missing;
    const QStringList files = listArticleFiles({QStringLiteral(DATELINE_ARTICLES_DIR)}, &missing);
    QVERIFY(missing.isEmpty());
    QVERIFY(!files.isEmpty());
    const Extractor extractor;
    m_corpus = loadCorpus(extractor, files);
    QVERIFY(m_corpus.events.size() > 10);
    m_index = std::make_shared<const EventIndex>(std::make_shared<const Corpus>(m_corpus));
}

void TestChartExport::addPictureRows()
{
    QTest::addColumn<QString>("picture");
    for (const QString &picture : exportablePictures())
        QTest::newRow(qPrintable(picture)) << picture;
}

QByteArray TestChartExport::exportBytes(const QString &picture, const QString &fileName, const PictureSettings &settings)
{
    PictureSettings dated = settings;
    dated.exportDate = m_exportDate;
    const QString path = m_dir.filePath(picture + u'-' + fileName);
    QString error;
    if (!exportPicture(picture, m_index, EventFilter(), path, dated, &error)) {
        qWarning("%s", qPrintable(error));
        return {};
    }
    return readFile(path);
}

void TestChartExport::pngHasTheRequestedSizeAndIsNotBlank_data() { addPictureRows(); }

void TestChartExport::pngHasTheRequestedSizeAndIsNotBlank()
{
    QFETCH(QString, picture);
    for (const qreal scale : {1.0, 2.0}) {
        PictureSettings settings;
        settings.size = QSize(900, 600);
        settings.scale = scale;
        const QByteArray bytes = exportBytes(picture, u"picture.png"_s, settings);
        QVERIFY(!bytes.isEmpty());
        QImage image;
        QVERIFY(image.loadFromData(bytes, "PNG"));
        QCOMPARE(image.size(), settings.size * scale);

        QSet<QRgb> colours;
        qsizetype inked = 0;
        for (int y = 0; y < image.height(); ++y) {
            const QRgb *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
            for (int x = 0; x < image.width(); ++x) {
                const QRgb pixel = line[x] | 0xff000000u;
                colours.insert(pixel);
                if (qGray(pixel) < 235)
                    ++inked;
            }
        }
        // Bars, lines, labels and the caption: many colours and a fair share of ink.
        QVERIFY2(colours.size() >= 8, qPrintable(u"%1 colours"_s.arg(colours.size())));
        QVERIFY2(inked > image.width() * image.height() / 100, qPrintable(u"%1 inked pixels"_s.arg(inked)));
    }
}

void TestChartExport::svgParsesWithAnSvgRoot_data() { addPictureRows(); }

void TestChartExport::svgParsesWithAnSvgRoot()
{
    QFETCH(QString, picture);
    const QByteArray bytes = exportBytes(picture, u"picture.svg"_s);
    QVERIFY(!bytes.isEmpty());
    QXmlStreamReader reader(bytes);
    QVERIFY(reader.readNextStartElement());
    QCOMPARE(reader.name(), u"svg"_s);
    int elements = 1;
    while (!reader.atEnd()) {
        if (reader.readNext() == QXmlStreamReader::StartElement)
            ++elements;
    }
    QVERIFY2(!reader.hasError(), qPrintable(reader.errorString()));
    QVERIFY(elements > 20);
}

void TestChartExport::pdfHasExactlyOnePage_data() { addPictureRows(); }

void TestChartExport::pdfHasExactlyOnePage()
{
    QFETCH(QString, picture);
    const QByteArray bytes = exportBytes(picture, u"picture.pdf"_s);
    QVERIFY(bytes.startsWith("%PDF"));
    static const QRegularExpression page(u"/Type\\s*/Page(?![a-zA-Z])"_s);
    int pages = 0;
    for (auto matches = page.globalMatch(QString::fromLatin1(bytes)); matches.hasNext(); matches.next())
        ++pages;
    QCOMPARE(pages, 1);
}

void TestChartExport::captionStatesCountsAndExportDate()
{
    const QList<int> events = m_index->accepted(EventFilter());
    const EventSummary summary = summarizeEvents(*m_index, events);
    QVERIFY(summary.events > 0);
    // The SVG keeps the caption as text; so does the PNG's description.
    const QByteArray svg = exportBytes(u"monthly"_s, u"caption.svg"_s);
    const QString text = QString::fromUtf8(svg);
    QVERIFY(text.contains(u"%1 events"_s.arg(summary.events)));
    QVERIFY(text.contains(u"from %1 articles"_s.arg(summary.articles)));
    QVERIFY(text.contains(u"2025-06-30"_s));
    QVERIFY(text.contains(u"all events"_s));

    QImage image;
    QVERIFY(image.loadFromData(exportBytes(u"timeline"_s, u"caption.png"_s), "PNG"));
    const QString description = image.text(u"Description"_s);
    QVERIFY(description.contains(u"%1 events"_s.arg(summary.events)));
    QVERIFY(description.contains(u"from %1 articles"_s.arg(summary.articles)));
    QVERIFY(description.contains(u"2025-06-30"_s));
}

void TestChartExport::timelineShowsWholeLanesAndSaysWhenSomeAreLeftOut()
{
    // Large enough for every lane: no note about lanes.
    PictureSettings large;
    large.size = QSize(1280, 800);
    QImage image;
    QVERIFY(image.loadFromData(exportBytes(u"timeline"_s, u"large.png"_s, large), "PNG"));
    QVERIFY(!image.text(u"Description"_s).contains(u"lanes shown"_s));

    // Too small for all of them, even at their smallest: the caption says how many are shown.
    PictureSettings small;
    small.size = QSize(640, 400);
    QVERIFY(image.loadFromData(exportBytes(u"timeline"_s, u"small.png"_s, small), "PNG"));
    QCOMPARE(image.size(), QSize(640, 400));
    const QString description = image.text(u"Description"_s);
    static const QRegularExpression lanes(u"(\\d+) of (\\d+) lanes shown \\(most active\\)\\."_s);
    const QRegularExpressionMatch match = lanes.match(description);
    QVERIFY2(match.hasMatch(), qPrintable(description));
    const int shown = match.captured(1).toInt();
    const int total = match.captured(2).toInt();
    QVERIFY(shown >= 8);  // shrunk: at their usual height, 7 fit
    QVERIFY(shown < total);
    QSet<QString> actors;
    bool anyWithoutActor = false;
    for (const Event &event : std::as_const(m_corpus.events)) {
        if (!event.date.isValid())
            continue;
        for (const QString &actor : event.actors)
            actors.insert(actor);
        anyWithoutActor = anyWithoutActor || event.actors.isEmpty();
    }
    QCOMPARE(total, int(actors.size()) + (anyWithoutActor ? 1 : 0));
}

void TestChartExport::formatComesFromTheSuffix()
{
    QCOMPARE(pictureFormatForPath(u"a/b.png"_s), PictureFormat::Png);
    QCOMPARE(pictureFormatForPath(u"b.SVG"_s), PictureFormat::Svg);
    QCOMPARE(pictureFormatForPath(u"b.pdf"_s), PictureFormat::Pdf);
    QVERIFY(!pictureFormatForPath(u"b.jpg"_s));
    QVERIFY(!pictureFormatForPath(u"png"_s));
    QCOMPARE(exportablePictures(), (QStringList{u"timeline"_s, u"monthly"_s, u"actors"_s, u"types"_s, u"pairs"_s}));
}

void TestChartExport::badPictureSizeOrSuffixIsRefused()
{
    QString error;
    QVERIFY(!exportPicture(u"pie"_s, m_index, {}, m_dir.filePath(u"pie.png"_s), {}, &error));
    QVERIFY(error.contains(u"pie"_s));
    QVERIFY(!exportPicture(u"types"_s, m_index, {}, m_dir.filePath(u"types.jpg"_s), {}, &error));
    QVERIFY(error.contains(u".png"_s));
    PictureSettings tiny;
    tiny.size = QSize(20, 10);
    QVERIFY(!pictureSettingsError(tiny).isEmpty());
    QVERIFY(!exportPicture(u"types"_s, m_index, {}, m_dir.filePath(u"tiny.png"_s), tiny, &error));
    QVERIFY(!QFile::exists(m_dir.filePath(u"pie.png"_s)));
    QVERIFY(!QFile::exists(m_dir.filePath(u"tiny.png"_s)));
}

void TestChartExport::unwritableTargetIsRefusedAndLeavesNothing()
{
    QString error;
    QVERIFY(!exportPicture(u"types"_s, m_index, {}, u"/proc/dateline/types.png"_s, {}, &error));
    QVERIFY(error.contains(u"/proc/dateline/types.png"_s));

    // An existing file survives a failed export untouched.
    const QString path = m_dir.filePath(u"kept.png"_s);
    QFile existing(path);
    QVERIFY(existing.open(QIODevice::WriteOnly));
    existing.write("old");
    existing.close();
    PictureSettings tiny;
    tiny.size = QSize(1, 1);
    QVERIFY(!exportPicture(u"types"_s, m_index, {}, path, tiny, &error));
    QVERIFY(existing.open(QIODevice::ReadOnly));
    QCOMPARE(existing.readAll(), QByteArray("old"));
}

QTEST_MAIN(TestChartExport)
#include "tst_chartexport.moc"
