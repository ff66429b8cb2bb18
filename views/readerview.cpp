#include "readerview.h"

#include "eventmodel.h"
#include "untrustedtext.h"

#include <QAction>
#include <QDir>
#include <QFontDatabase>
#include <QFontInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QPlainTextEdit>
#include <QToolButton>
#include <QVBoxLayout>

namespace dateline {

namespace {

// Longer "titles" are first sentences of articles without a title line.
constexpr qsizetype kMaxTitleLength = 240;
// Actors and places as written: a line of them, not a paragraph.
constexpr qsizetype kMaxInfoLength = 400;

// Translucent so that the marks stay readable under dark palettes too.
const QColor kCurrentEventBackground(255, 214, 0, 135);
const QColor kOtherEventBackground(255, 214, 0, 30);

QTextEdit::ExtraSelection markSelection(QTextDocument *document, TextSpan span, QTextCharFormat format)
{
    QTextCursor cursor(document);
    cursor.setPosition(int(span.start));
    cursor.setPosition(int(span.end), QTextCursor::KeepAnchor);
    return {cursor, format};
}

QFont fixedPitchFont()
{
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (QFontInfo(font).fixedPitch())
        return font;
    // Platforms without a theme (offscreen, minimal) name a proportional font here.
    const QStringList families = QFontDatabase::families();
    const auto fixed = std::find_if(families.cbegin(), families.cend(),
                                    [](const QString &family) { return QFontDatabase::isFixedPitch(family); });
    if (fixed != families.cend())
        font.setFamily(*fixed);
    return font;
}

QLabel *plainLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText);  // article-derived strings: never rich text
    label->setWordWrap(true);
    // Wrapped to the pane's width, never widening it: the longest unbreakable run of a crafted
    // title would otherwise set the minimum width of the whole pane.
    QSizePolicy policy = label->sizePolicy();
    policy.setHorizontalPolicy(QSizePolicy::Ignored);
    label->setSizePolicy(policy);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

QString publicationDescription(const Article &article)
{
    const QString date = EventModel::dateText(article.published);
    switch (article.publishedSource) {
    case PublicationSource::Header: return ReaderView::tr("Published %1, from the header").arg(date);
    case PublicationSource::Url: return ReaderView::tr("Published %1, from the URL").arg(date);
    case PublicationSource::Dateline: return ReaderView::tr("Published %1, from the dateline").arg(date);
    case PublicationSource::Content:
        return ReaderView::tr("Published %1, inferred from the text: “%2”").arg(date, article.publishedEvidence);
    case PublicationSource::None: break;
    }
    if (article.publishedAfter.isValid())
        return ReaderView::tr("Publication date unknown — after %1").arg(EventModel::dateText(article.publishedAfter));
    return ReaderView::tr("Publication date unknown");
}

ReaderView::ReaderView(QWidget *parent) : QWidget(parent)
{
    m_title = plainLabel(this);
    m_title->setObjectName(QStringLiteral("readerTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    m_published = plainLabel(this);
    m_published->setObjectName(QStringLiteral("readerPublished"));
    m_published->setForegroundRole(QPalette::PlaceholderText);

    m_eventInfo = plainLabel(this);
    m_eventInfo->setObjectName(QStringLiteral("readerEventInfo"));

    m_rawInfo = plainLabel(this);
    m_rawInfo->setObjectName(QStringLiteral("readerRawInfo"));
    m_rawInfo->setForegroundRole(QPalette::PlaceholderText);

    m_rawAction = new QAction(tr("Show &Raw File"), this);
    m_rawAction->setObjectName(QStringLiteral("rawFileAction"));
    m_rawAction->setCheckable(true);
    m_rawAction->setIconText(tr("Raw File"));  // what the header's button says
    m_rawAction->setShortcut(Qt::CTRL | Qt::Key_U);
    m_rawAction->setToolTip(tr("Show the article file as it was read, header and web junk included (Ctrl+U)"));
    connect(m_rawAction, &QAction::toggled, this, &ReaderView::setShowRawFile);
    auto *rawButton = new QToolButton(this);
    rawButton->setObjectName(QStringLiteral("rawFileButton"));
    rawButton->setDefaultAction(m_rawAction);
    rawButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    rawButton->setAutoRaise(true);

    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("readerText"));
    m_text->setReadOnly(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_text->setPlaceholderText(tr("Select an event to read it in its article."));
    m_text->document()->setDocumentMargin(12);
    m_readingFont = m_text->font();
    m_readingFont.setPointSizeF(m_readingFont.pointSizeF() * 1.1);
    m_text->setFont(m_readingFont);
    m_text->viewport()->setMouseTracking(true);
    m_text->viewport()->installEventFilter(this);

    auto *header = new QVBoxLayout;
    header->setContentsMargins(8, 8, 8, 8);
    header->setSpacing(4);
    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(m_title, 1);
    titleRow->addWidget(rawButton, 0, Qt::AlignTop);
    header->addLayout(titleRow);
    header->addWidget(m_published);
    header->addWidget(m_eventInfo);
    header->addWidget(m_rawInfo);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(header);
    layout->addWidget(m_text, 1);

    setCurrentEvent(-1);
}

ReaderView::~ReaderView() = default;

void ReaderView::setCorpus(std::shared_ptr<const Corpus> corpus)
{
    m_corpus = std::move(corpus);
    m_article = -1;
    setCurrentEvent(-1);
}

void ReaderView::setShowRawFile(bool raw)
{
    if (raw == m_raw)
        return;
    m_raw = raw;
    m_rawAction->setChecked(raw);
    QFont font = m_readingFont;
    if (raw) {
        font = fixedPitchFont();
        font.setPointSizeF(m_readingFont.pointSizeF() * 0.95);
    }
    m_text->setFont(font);
    updateHeader();
    updateMarks();
    // The new font moves every line: bring the sentence back into view.
    if (m_event >= 0)
        m_text->centerCursor();
}

void ReaderView::setCurrentEvent(int event)
{
    if (!m_corpus || event < 0 || event >= m_corpus->events.size()) {
        m_event = -1;
        showArticle(-1);
        return;
    }
    m_event = event;
    const Event &current = m_corpus->events.at(event);
    showArticle(current.article);

    // Centre the sentence unless it is already in full view: a click on a visible sentence
    // must not make the text jump under the mouse.
    QTextCursor end(m_text->document());
    end.setPosition(int(current.evidence.end));
    QTextCursor cursor(m_text->document());
    cursor.setPosition(int(current.evidence.start));
    const QRect viewport = m_text->viewport()->rect();
    const bool inView = viewport.contains(m_text->cursorRect(cursor)) && viewport.contains(m_text->cursorRect(end));
    m_text->setTextCursor(cursor);
    if (!inView)
        m_text->centerCursor();
}

void ReaderView::showArticle(int article)
{
    if (article != m_article) {
        m_article = article;
        m_articleEvents.clear();
        if (article < 0) {
            m_text->clear();
        } else {
            for (qsizetype i = 0; i < m_corpus->events.size(); ++i)
                if (m_corpus->events.at(i).article == article)
                    m_articleEvents.append(int(i));
            m_text->setPlainText(m_corpus->articles.at(article).text);
        }
    }
    updateHeader();
    updateMarks();
}

void ReaderView::updateHeader()
{
    const bool shown = m_article >= 0;
    m_title->setVisible(shown);
    m_published->setVisible(shown);
    m_eventInfo->setVisible(m_event >= 0);
    m_rawInfo->setVisible(shown && m_raw);
    if (!shown)
        return;

    const Article &article = m_corpus->articles.at(m_article);
    m_title->setText(displayText(article.title.isEmpty() ? article.fileName : article.title, kMaxTitleLength));
    QString published = publicationDescription(article) + u"  ·  " + article.fileName;
    if (!article.problems.isEmpty())
        published += u"  ·  " + tr("Problems: %1").arg(article.problems.join(u"; "));
    m_published->setText(displayText(published, kMaxInfoLength));
    m_published->setToolTip(plainToolTip(article.filePath));
    m_rawInfo->setText(tr("Raw file: %1").arg(QDir::toNativeSeparators(article.filePath)));

    if (m_event < 0)
        return;
    const Event &event = m_corpus->events.at(m_event);
    QStringList parts{eventTypeName(event.type), EventModel::dateText(event.date)};
    if (event.dateSpan.length() > 0)
        parts.last() += tr(" (“%1”)").arg(article.textOf(event.dateSpan));
    else if (event.date.isValid())
        parts.last() += tr(" (publication date)");
    if (!event.actors.isEmpty())
        parts.append(event.actors.join(u", "));
    if (event.locationSpan.length() > 0)
        parts.append(tr("in %1").arg(article.textOf(event.locationSpan)));
    m_eventInfo->setText(displayText(parts.join(u"  ·  "), kMaxInfoLength));
}

void ReaderView::updateMarks()
{
    QList<QTextEdit::ExtraSelection> selections;
    if (m_article >= 0) {
        QTextDocument *document = m_text->document();
        const Article &article = m_corpus->articles.at(m_article);

        QTextCharFormat junk;
        junk.setForeground(palette().color(QPalette::Disabled, QPalette::Text));
        junk.setProperty(MarkProperty, int(Mark::Junk));
        if (!m_raw)
            for (const TextSpan &span : article.junk)
                selections.append(markSelection(document, span, junk));

        // The current event is appended last so that it paints over a sentence it shares.
        for (int index : std::as_const(m_articleEvents)) {
            if (index == m_event || m_raw)
                continue;
            QTextCharFormat other;
            other.setBackground(kOtherEventBackground);
            other.setProperty(MarkProperty, int(Mark::OtherEvent));
            other.setProperty(EventProperty, index);
            selections.append(markSelection(document, m_corpus->events.at(index).evidence, other));
        }
        if (m_event >= 0) {
            QTextCharFormat current;
            current.setBackground(kCurrentEventBackground);
            current.setProperty(MarkProperty, int(Mark::CurrentEvent));
            current.setProperty(EventProperty, m_event);
            selections.append(markSelection(document, m_corpus->events.at(m_event).evidence, current));
        }
    }
    m_text->setExtraSelections(selections);
}

int ReaderView::eventAt(qsizetype position) const
{
    if (!m_corpus)
        return -1;
    if (m_event >= 0 && m_corpus->events.at(m_event).evidence.contains(position))
        return m_event;
    for (int index : m_articleEvents)
        if (m_corpus->events.at(index).evidence.contains(position))
            return index;
    return -1;
}

bool ReaderView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_text->viewport())
        return QWidget::eventFilter(watched, event);

    // The raw file marks no other sentence, so there is nothing to click.
    if (m_raw)
        return QWidget::eventFilter(watched, event);
    if (event->type() == QEvent::MouseMove) {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        const int under = eventAt(m_text->cursorForPosition(mouse->position().toPoint()).position());
        m_text->viewport()->setCursor(under >= 0 && under != m_event ? Qt::PointingHandCursor : Qt::IBeamCursor);
    } else if (event->type() == QEvent::MouseButtonRelease) {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        // A drag selects text to copy; only a plain click activates.
        if (mouse->button() == Qt::LeftButton && !m_text->textCursor().hasSelection()) {
            const int clicked = eventAt(m_text->cursorForPosition(mouse->position().toPoint()).position());
            if (clicked >= 0 && clicked != m_event)
                emit eventActivated(clicked);
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace dateline
