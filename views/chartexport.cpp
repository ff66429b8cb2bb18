#include "chartexport.h"

#include "atomicfile.h"
#include "eventbins.h"
#include "eventchart.h"
#include "eventfilter.h"
#include "eventfilterproxymodel.h"
#include "eventindex.h"
#include "eventmodel.h"
#include "timelineview.h"

#include <QApplication>
#include <QChartView>
#include <QCoreApplication>
#include <QBuffer>
#include <QFileInfo>
#include <QImage>
#include <QLocale>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>

#include <functional>
#include <memory>

using namespace Qt::StringLiterals;

namespace dateline {

namespace {

const auto kTimeline = "timeline"_L1;
// SVG and PDF are laid out at the screen's usual 96 dots per inch, so that a logical pixel is the same
// length in every format and fonts keep their proportion to the picture.
constexpr int kVectorDpi = 96;

QString tr(const char *text, int n = -1) { return QCoreApplication::translate("ChartExport", text, nullptr, n); }

QString captionText(const EventFilter &filter, const EventSummary &summary, const QString &note, QDate exportDate)
{
    const QLocale locale;
    QStringList lines;
    lines.append(tr("Filter: %1.").arg(filter.description()));
    QString dates = summary.first.isValid()
                        ? tr("Dates: %1 to %2").arg(locale.toString(summary.first, u"d MMM yyyy"_s),
                                                     locale.toString(summary.last, u"d MMM yyyy"_s))
                        : tr("Dates: none");
    QString counts = tr("%Ln events", summary.events) + u' ' + tr("from %Ln articles", summary.articles);
    if (summary.undated > 0)
        counts += u" (" + tr("%Ln undated", summary.undated) + u')';
    lines.append(dates + u" · " + counts + u" · " + tr("Exported %1 by Dateline.").arg(exportDate.toString(Qt::ISODate)));
    if (!note.isEmpty())
        lines.append(note);
    return lines.join(u'\n');
}

// The widget that draws the picture, laid out at `size` and ready to render.
struct Drawing
{
    std::unique_ptr<EventModel> model;
    std::unique_ptr<EventFilterProxyModel> proxy;
    std::unique_ptr<QWidget> widget;
    QString note;
};

std::optional<Drawing> makeDrawing(const QString &picture, const std::shared_ptr<const EventIndex> &index, const EventFilter &filter,
                                   const QList<int> &events, QSize size)
{
    Drawing drawing;
    if (picture == kTimeline) {
        drawing.model = std::make_unique<EventModel>();
        drawing.model->setEventIndex(index);
        drawing.proxy = std::make_unique<EventFilterProxyModel>();
        drawing.proxy->setEventModel(drawing.model.get());
        drawing.proxy->setFilter(filter);
        auto timeline = std::make_unique<TimelineView>();
        timeline->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        timeline->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        timeline->setFrameShape(QFrame::NoFrame);
        timeline->setModel(drawing.proxy.get());
        // fitTimelineLanes() cuts the view after its last whole lane, however few fit.
        timeline->setMinimumHeight(0);
        drawing.widget = std::move(timeline);
    } else if (const auto kind = chartKindFromName(picture)) {
        auto *chart = new EventChart(*kind);
        chart->setEvents(*index, events, filter);
        chart->setBackgroundRoundness(0);
        drawing.note = chart->note();
        auto view = std::make_unique<QChartView>(chart);
        view->setRenderHint(QPainter::Antialiasing);
        view->setFrameShape(QFrame::NoFrame);
        view->setBackgroundBrush(Qt::white);
        view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        view->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        drawing.widget = std::move(view);
    } else {
        return std::nullopt;
    }
    drawing.widget->setAttribute(Qt::WA_DontShowOnScreen);
    drawing.widget->resize(size);
    drawing.widget->show();
    // Layout, then what depends on it: the timeline fits its events, month axes pick their ticks.
    for (int pass = 0; pass < 3; ++pass)
        QCoreApplication::processEvents();
    if (auto *timeline = qobject_cast<TimelineView *>(drawing.widget.get()))
        timeline->fitAll();
    QCoreApplication::processEvents();
    return drawing;
}

// Lays the widget out at `size` and lets what depends on the layout follow: the timeline fits its
// events, month axes pick their ticks.
void settle(QWidget &widget, QSize size)
{
    widget.resize(size);
    for (int pass = 0; pass < 3; ++pass)
        QCoreApplication::processEvents();
    if (auto *timeline = qobject_cast<TimelineView *>(&widget))
        timeline->fitAll();
    QCoreApplication::processEvents();
}

// Fits the timeline's lanes into `size`: they shrink from their usual height down to their minimum
// and, if they still do not all fit, the view stops after the last whole lane, the most active
// ones being first. Returns how many lanes are shown.
int fitTimelineLanes(TimelineView &timeline, QSize size)
{
    const int lanes = timeline.laneCount();
    const int page = std::max(0, size.height() - timeline.axisHeight());
    int shown = lanes;
    int laneHeight = 0;  // the default
    if (lanes > 0 && lanes * timeline.defaultLaneHeight() > page) {
        shown = std::clamp(page / timeline.minimumLaneHeight(), 1, lanes);
        laneHeight = std::clamp(page / shown, timeline.minimumLaneHeight(), timeline.defaultLaneHeight());
    }
    timeline.setLaneHeight(laneHeight);
    const int height = shown < lanes ? timeline.axisHeight() + shown * timeline.laneHeight() : size.height();
    settle(timeline, QSize(size.width(), std::min(height, size.height())));
    return shown;
}

// Paints the drawing over the caption, in logical pixels.
void paintPicture(QPainter &painter, QWidget &widget, const QString &caption, QSize size, int captionHeight, const QFont &font)
{
    painter.fillRect(QRect(QPoint(0, 0), size), Qt::white);
    widget.render(&painter, QPoint(0, 0), QRegion(), QWidget::DrawWindowBackground | QWidget::DrawChildren);
    painter.setFont(font);
    painter.setPen(QColor(0x30, 0x30, 0x30));
    const int margin = QFontMetrics(font).averageCharWidth() * 2;
    painter.drawText(QRect(margin, size.height() - captionHeight, size.width() - 2 * margin, captionHeight),
                     Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap, caption);
}

} // namespace

std::optional<PictureFormat> pictureFormatForPath(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == u"png")
        return PictureFormat::Png;
    if (suffix == u"svg")
        return PictureFormat::Svg;
    if (suffix == u"pdf")
        return PictureFormat::Pdf;
    return std::nullopt;
}

QStringList exportablePictures()
{
    QStringList names{kTimeline};
    for (int kind = 0; kind < kChartKindCount; ++kind)
        names.append(chartKindName(ChartKind(kind)));
    return names;
}

QString pictureSettingsError(const PictureSettings &settings)
{
    const QSize size = settings.size;
    if (size.width() < 200 || size.height() < 150 || size.width() > 10000 || size.height() > 10000)
        return tr("the size must be between 200x150 and 10000x10000");
    if (settings.scale <= 0 || settings.scale > 8)
        return tr("the scale must be above 0 and at most 8");
    return {};
}

bool exportPicture(const QString &picture, const std::shared_ptr<const EventIndex> &index, const EventFilter &filter, const QString &path,
                   const PictureSettings &settings, QString *error)
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    const auto format = pictureFormatForPath(path);
    if (!format)
        return fail(tr("%1: the file name must end in .png, .svg or .pdf").arg(path));
    if (const QString settingsError = pictureSettingsError(settings); !settingsError.isEmpty())
        return fail(settingsError);
    const QSize size = settings.size;

    const QList<int> events = index->accepted(filter);
    // The caption's font grows with the picture, within what stays readable beside the charts' labels.
    QFont font = QApplication::font();
    font.setPixelSize(std::clamp(size.height() / 70, 11, 16));
    // A caption as wide as the picture, at most a third of its height.
    const QSize probe(size.width() - 4 * QFontMetrics(font).averageCharWidth(), size.height());
    std::optional<Drawing> drawing;
    QString caption;
    int captionHeight = 0;
    {
        // The note depends on the chart, the chart's height on the caption: measure with a first guess.
        const int guess = QFontMetrics(font).lineSpacing() * 4;
        drawing = makeDrawing(picture, index, filter, events, QSize(size.width(), size.height() - guess));
        if (!drawing)
            return fail(tr("unknown picture %1 (%2)").arg(picture, exportablePictures().join(u", ")));
        const EventSummary summary = summarizeEvents(*index, events);
        const auto measure = [&](const QString &note) {
            caption = captionText(filter, summary, note, settings.exportDate);
            captionHeight = QFontMetrics(font).boundingRect(QRect(QPoint(), probe), Qt::TextWordWrap, caption).height();
            captionHeight = std::min(size.height() / 3, captionHeight + QFontMetrics(font).lineSpacing());
        };
        measure(drawing->note);
        if (auto *timeline = qobject_cast<TimelineView *>(drawing->widget.get())) {
            const int lanes = timeline->laneCount();
            const auto lanesNote = [&](int shown) {
                return timeline->laneMode() == TimelineLaneMode::ByActor
                           ? tr("%1 of %2 lanes shown (most active).").arg(shown).arg(lanes)
                           : tr("%1 of %2 lanes shown.").arg(shown).arg(lanes);
            };
            int shown = fitTimelineLanes(*timeline, QSize(size.width(), size.height() - captionHeight));
            if (shown < lanes) {
                // The note takes room from the lanes: fit them again under the longer caption.
                measure(lanesNote(shown));
                shown = fitTimelineLanes(*timeline, QSize(size.width(), size.height() - captionHeight));
                measure(lanesNote(shown));
            }
        } else {
            settle(*drawing->widget, QSize(size.width(), size.height() - captionHeight));
        }
    }

    // Drawn in memory, then saved whole: a file on disk is never half a picture.
    QBuffer file;
    file.open(QIODevice::WriteOnly);
    const QString title = tr("Dateline: %1").arg(picture);
    switch (*format) {
    case PictureFormat::Png: {
        QImage image(size * settings.scale, QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(settings.scale);
        image.fill(Qt::white);
        {
            QPainter painter(&image);
            painter.setRenderHint(QPainter::Antialiasing);
            painter.setRenderHint(QPainter::TextAntialiasing);
            paintPicture(painter, *drawing->widget, caption, size, captionHeight, font);
        }
        image.setText(u"Description"_s, caption);
        if (!image.save(&file, "PNG"))
            return fail(tr("cannot write %1: %2").arg(path, file.errorString()));
        break;
    }
    case PictureFormat::Svg: {
        QSvgGenerator generator;
        generator.setOutputDevice(&file);
        generator.setResolution(kVectorDpi);
        generator.setSize(size);
        generator.setViewBox(QRect(QPoint(0, 0), size));
        generator.setTitle(title);
        generator.setDescription(caption);
        QPainter painter;
        if (!painter.begin(&generator))
            return fail(tr("cannot write %1: %2").arg(path, file.errorString()));
        paintPicture(painter, *drawing->widget, caption, size, captionHeight, font);
        painter.end();
        break;
    }
    case PictureFormat::Pdf: {
        QPdfWriter writer(&file);
        writer.setResolution(kVectorDpi);
        writer.setTitle(title);
        writer.setCreator(u"Dateline"_s);
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        // Points are 1/72 inch: the page is the picture's size at 96 logical pixels per inch.
        writer.setPageSize(QPageSize(QSizeF(size) * 72.0 / kVectorDpi, QPageSize::Point, QString(), QPageSize::ExactMatch));
        QPainter painter;
        if (!painter.begin(&writer))
            return fail(tr("cannot write %1: %2").arg(path, file.errorString()));
        paintPicture(painter, *drawing->widget, caption, size, captionHeight, font);
        painter.end();
        break;
    }
    }
    if (QString reason; !writeFileAtomically(path, file.data(), &reason))
        return fail(tr("cannot write %1: %2").arg(path, reason));
    return true;
}

} // namespace dateline
