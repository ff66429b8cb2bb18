#pragma once

#include "corpus.h"

#include <QFont>
#include <QTextFormat>
#include <QWidget>

#include <memory>

class QAction;
class QLabel;
class QPlainTextEdit;

namespace dateline {

// Shows one article as plain text, with the current event's sentence highlighted and
// scrolled into view, the article's other event sentences tinted and web junk greyed.
// In raw mode it shows the decoded file as it is: the same text, in a fixed-pitch font,
// with nothing greyed or tinted but the current sentence, so that one keeps one's place.
// Article text is untrusted: it is never interpreted as HTML.
class ReaderView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReaderView)

public:
    // Each extra selection of the text view carries what it marks, so tests and later views
    // can tell them apart without comparing colours.
    enum class Mark { CurrentEvent, OtherEvent, Junk };
    static constexpr int MarkProperty = QTextFormat::UserProperty;       // int(Mark)
    static constexpr int EventProperty = QTextFormat::UserProperty + 1;  // event index, for event marks

    explicit ReaderView(QWidget *parent = nullptr);
    ~ReaderView() override;

    void setCorpus(std::shared_ptr<const Corpus> corpus);
    // `event` indexes Corpus::events (a row of EventModel); -1 clears the pane.
    void setCurrentEvent(int event);
    int currentEvent() const { return m_event; }
    int currentArticle() const { return m_article; }

    // The event whose sentence covers `position` in the shown article, or -1.
    int eventAt(qsizetype position) const;

    QPlainTextEdit *textView() const { return m_text; }

    bool showsRawFile() const { return m_raw; }
    void setShowRawFile(bool raw);
    // The checkable "Show Raw File" action, for menus; the header has a button for it too.
    QAction *rawFileAction() const { return m_rawAction; }

signals:
    // The user clicked inside the sentence of `event` (an index into Corpus::events).
    void eventActivated(int event);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showArticle(int article);
    void updateHeader();
    void updateMarks();

    std::shared_ptr<const Corpus> m_corpus;
    int m_event = -1;
    int m_article = -1;
    bool m_raw = false;
    QList<int> m_articleEvents;  // indexes into Corpus::events of the shown article's events

    QLabel *m_title = nullptr;
    QLabel *m_published = nullptr;
    QLabel *m_eventInfo = nullptr;
    QLabel *m_rawInfo = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QAction *m_rawAction = nullptr;
    QFont m_readingFont;
};

QString publicationDescription(const Article &article);

} // namespace dateline
