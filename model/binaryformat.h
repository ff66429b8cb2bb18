#pragma once

#include "article.h"
#include "datevalue.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QtEndian>

// The binary encoding of the files Dateline writes for itself (the corpus cache): internal to the model.

namespace dateline {

// The smallest encodings, to bound counts by the bytes left before allocating anything.
inline constexpr qsizetype kStringBytes = 4;
inline constexpr qsizetype kSpanBytes = 8;
inline constexpr qsizetype kDateBytes = 5;

// Little-endian fixed-size numbers and length-prefixed UTF-8, appended to a byte array.
class BinaryWriter
{
public:
    QByteArray bytes;

    template<typename T>
    void number(T value)
    {
        const T little = qToLittleEndian(value);
        bytes.append(reinterpret_cast<const char *>(&little), sizeof little);
    }
    void u8(quint8 value) { bytes.append(char(value)); }
    void u32(qsizetype value) { number(quint32(value)); }
    void i64(qint64 value) { number(value); }
    void string(QStringView text)
    {
        const QByteArray utf8 = text.toUtf8();
        u32(utf8.size());
        bytes.append(utf8);
    }
    void span(TextSpan span)
    {
        u32(span.start);
        u32(span.end);
    }
    void date(const DateValue &date)
    {
        u8(quint8(date.precision()));
        number(qint16(date.year()));
        u8(quint8(date.month()));
        u8(quint8(date.day()));
    }
    void spans(const QList<TextSpan> &spans)
    {
        u32(spans.size());
        for (const TextSpan &span : spans)
            this->span(span);
    }
};

// Reads what BinaryWriter wrote, never past the end: a read that does not fit fails the reader for good
// and returns zeros, so that a corrupt length can neither overrun nor make a loop run long.
class BinaryReader
{
public:
    explicit BinaryReader(QByteArrayView bytes) : m_next(bytes.data()), m_end(bytes.data() + bytes.size()) {}

    bool ok() const { return m_ok; }
    bool atEnd() const { return m_next == m_end; }
    qsizetype remaining() const { return m_end - m_next; }
    void fail()
    {
        m_ok = false;
        m_next = m_end;
    }

    template<typename T>
    T number()
    {
        if (remaining() < qsizetype(sizeof(T))) {
            fail();
            return T{};
        }
        const T value = qFromLittleEndian<T>(m_next);
        m_next += sizeof(T);
        return value;
    }
    quint8 u8() { return number<quint8>(); }
    quint32 u32() { return number<quint32>(); }
    qint64 i64() { return number<qint64>(); }

    QByteArrayView bytes(qsizetype size)
    {
        if (size < 0 || remaining() < size) {
            fail();
            return {};
        }
        const QByteArrayView view(m_next, size);
        m_next += size;
        return view;
    }
    QString string() { return QString::fromUtf8(bytes(u32())); }

    // A count of items that take at least `itemBytes` each: 0, and failed, if they cannot fit.
    qsizetype count(qsizetype itemBytes)
    {
        const quint32 count = u32();
        if (qsizetype(count) > remaining() / itemBytes) {
            fail();
            return 0;
        }
        return count;
    }

    // A span into a text of `textSize` code units.
    TextSpan span(qsizetype textSize)
    {
        const qsizetype start = u32();
        const qsizetype end = u32();
        if (start > end || end > textSize)
            fail();
        return TextSpan::of(start, end);
    }
    QList<TextSpan> spans(qsizetype textSize)
    {
        QList<TextSpan> spans(count(kSpanBytes));
        for (TextSpan &span : spans)
            span = this->span(textSize);
        return spans;
    }
    DateValue date()
    {
        const auto precision = Precision(u8());
        const int year = number<qint16>();
        const int month = u8();
        const int day = u8();
        DateValue date;
        switch (precision) {
        case Precision::None: break;
        case Precision::Year: date = DateValue::ofYear(year); break;
        case Precision::Month: date = DateValue::ofMonth(year, month); break;
        case Precision::Day: date = DateValue::ofDay(year, month, day); break;
        }
        if (date.precision() != precision)
            fail();  // not a date BinaryWriter wrote
        return date;
    }

private:
    const char *m_next;
    const char *m_end;
    bool m_ok = true;
};

} // namespace dateline
