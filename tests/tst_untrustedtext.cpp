#include "untrustedtext.h"

#include <QTest>
#include <QTextBlock>
#include <QTextBoundaryFinder>
#include <QTextDocument>

using namespace dateline;
using namespace Qt::StringLiterals;

// What labels and tooltips make of text an article could have been crafted to hold.
class TestUntrustedText final : public QObject
{
    Q_OBJECT

private slots:
    void markupStaysText_data();
    void markupStaysText();
    void directionOverridesAreDropped();
    void longWordsCanWrap();
    void longTextIsElidedWholeCharactersOnly();
};

void TestUntrustedText::markupStaysText_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("tags") << u"<b>Titre</b> <i>gras</i>"_s;
    QTest::newRow("image from a server") << u"<img src=\"http://127.0.0.1:9/pixel.png\">"_s;
    QTest::newRow("script") << u"<script>alert('x')</script>"_s;
    QTest::newRow("link") << u"<a href=\"http://example.org\">lien</a>"_s;
    QTest::newRow("entities") << u"&lt;b&gt; &amp;"_s;
}

void TestUntrustedText::markupStaysText()
{
    QFETCH(QString, text);
    const QString tip = plainToolTip(text + u"\nligne deux"_s);
    QVERIFY(Qt::mightBeRichText(tip));  // explicitly rich, so that QToolTip does not guess
    QTextDocument document;
    document.setHtml(tip);
    // What the tooltip shows is the text as written, and nothing it could fetch or run.
    QCOMPARE(document.toPlainText().remove(QChar(0x200B)), text + u"\nligne deux"_s);
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        for (auto fragment = block.begin(); !fragment.atEnd(); ++fragment) {
            QVERIFY(!fragment.fragment().charFormat().isImageFormat());
            QVERIFY(!fragment.fragment().charFormat().isAnchor());
        }
    }
    QCOMPARE(displayText(text, 1000).remove(QChar(0x200B)), text);
}

void TestUntrustedText::directionOverridesAreDropped()
{
    const QString text = u"Moscou \u202Enikép à\u202C et \u2067isolé\u2069 fin"_s;
    QCOMPARE(displayText(text, 1000), u"Moscou nikép à et isolé fin"_s);
}

void TestUntrustedText::longWordsCanWrap()
{
    const QString shown = displayText(QString(20'000, u'x'), 30'000);
    qsizetype longestRun = 0;
    qsizetype run = 0;
    for (const QChar c : shown) {
        run = c == QChar(0x200B) ? 0 : run + 1;
        longestRun = std::max(longestRun, run);
    }
    QVERIFY(longestRun <= 40);
    // And the line breaker agrees that these are places to wrap.
    QTextBoundaryFinder lines(QTextBoundaryFinder::Line, shown);
    int breaks = 0;
    while (lines.toNextBoundary() > 0 && lines.position() < shown.size())
        ++breaks;
    QVERIFY(breaks >= 20'000 / 40 - 1);
}

void TestUntrustedText::longTextIsElidedWholeCharactersOnly()
{
    const QString emoji = QString(u"😀"_s).repeated(600);  // 1,200 UTF-16 code units
    const QString shown = displayText(emoji, 501);
    QVERIFY(shown.endsWith(u'…'));
    const QString kept = QString(shown).remove(QChar(0x200B)).chopped(1);
    QVERIFY(kept.size() <= 502);
    QVERIFY(!kept.back().isHighSurrogate());
    QVERIFY(emoji.startsWith(kept));
    QVERIFY(plainToolTip(QString(5000, u'a')).size() < 1500);
}

QTEST_MAIN(TestUntrustedText)
#include "tst_untrustedtext.moc"
