#include "core/policy/FreeText.h"

#include "core/internal/common/TextLength.h"
#include "core/policy/Masking.h"

#include <QRegularExpression>

#include <algorithm>
#include <optional>

namespace bv {

namespace {

// Full-width digits, letters and punctuation (U+FF01 ... U+FF5E) as their ASCII forms, and the ideographic
// space as a space: same length, so positions stay those of the original text.
QString asciiFolded(const QString& text)
{
    QString out = text;
    for (QChar& c : out) {
        const char16_t u = c.unicode();
        if (u >= 0xFF01 && u <= 0xFF5E)
            c = QChar(char16_t(u - 0xFF01 + 0x21));
        else if (u == 0x3000)
            c = QLatin1Char(' ');
    }
    return out;
}

bool luhnValid(const QString& digits)
{
    int sum = 0;
    bool twice = false;
    for (qsizetype i = digits.size() - 1; i >= 0; --i) {
        int d = digits.at(i).unicode() - u'0';
        if (d < 0 || d > 9)
            return false;
        if (twice) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
        twice = !twice;
    }
    return !digits.isEmpty() && sum % 10 == 0;
}

QString onlyDigitsAndX(const QString& s)
{
    QString out;
    for (QChar c : s)
        if (c.isDigit() || c == u'X' || c == u'x')
            out += c.toUpper();
    return out;
}

// The kind of a run of digits (separators already removed), or none.
std::optional<FreeTextFindingKind> classify(const QString& digits)
{
    static const QRegularExpression id18(QStringLiteral("^\\d{17}[\\dX]$"));
    static const QRegularExpression id15(QStringLiteral("^\\d{15}$"));
    static const QRegularExpression mobile(QStringLiteral("^1[3-9]\\d{9}$"));
    if (id18.match(digits).hasMatch() || id15.match(digits).hasMatch())
        return FreeTextFindingKind::MainlandId;
    if (mobile.match(digits).hasMatch())
        return FreeTextFindingKind::Mobile;
    if (digits.size() >= 13 && digits.size() <= 19 && luhnValid(digits))
        return FreeTextFindingKind::Card;
    return std::nullopt;
}

QString maskedForm(FreeTextFindingKind kind, const QString& original)
{
    switch (kind) {
    case FreeTextFindingKind::MainlandId:
        return Masking::mask(MaskKind::MainlandId, onlyDigitsAndX(original));
    case FreeTextFindingKind::Mobile:
        return Masking::mask(MaskKind::Phone, original);
    case FreeTextFindingKind::Card:
        return Masking::mask(MaskKind::Account, original);
    case FreeTextFindingKind::Secret:
        return QString(charCount(original), QLatin1Char('*'));
    }
    return QString(charCount(original), QLatin1Char('*'));
}

bool overlaps(const QList<FreeTextFinding>& found, qsizetype start, qsizetype length)
{
    for (const FreeTextFinding& f : found)
        if (start < f.start + f.length && f.start < start + length)
            return true;
    return false;
}

} // namespace

QList<FreeTextFinding> FreeText::check(const QString& original)
{
    const QString text = asciiFolded(original);
    QList<FreeTextFinding> found;
    const auto add = [&](FreeTextFindingKind kind, qsizetype start, qsizetype length) {
        if (overlaps(found, start, length))
            return;
        found << FreeTextFinding {kind, start, length, charCount(QStringView(original).left(start)) + 1,
            maskedForm(kind, original.mid(start, length))};
    };

    // Secrets first: the value after a password or card-security word, whatever its length.
    static const QRegularExpression secret(
        QStringLiteral("(?:密码|口令|验证码|动态码|安全码|(?<![A-Za-z])(?:pin|password|passwd|pwd|passcode|cvv2?|cvc2?|"
                       "cvn2?)(?![A-Za-z])码?)\\s*(?:(?:是|为|:|：|=|is(?![A-Za-z]))\\s*)?"
                       "((?=[A-Za-z0-9!@#$%^&*._+-]*\\d)[A-Za-z0-9!@#$%^&*._+-]{3,})"),
        QRegularExpression::CaseInsensitiveOption);
    for (auto it = secret.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        add(FreeTextFindingKind::Secret, m.capturedStart(1), m.capturedLength(1));
    }

    // Contiguous runs of digits (an ID may end in X).
    static const QRegularExpression run(QStringLiteral("(?<![0-9])[0-9]+[Xx]?(?![0-9])"));
    for (auto it = run.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        QString digits = m.captured(0).toUpper();
        qsizetype length = m.capturedLength();
        auto kind = classify(digits);
        if (!kind && digits.endsWith(u'X')) { // "13812345678x": the x is a word after the number
            digits.chop(1);
            --length;
            kind = classify(digits);
        }
        if (kind)
            add(*kind, m.capturedStart(), length);
    }
    // Numbers written in groups: 138 1234 5678, 6222-0212-3456-7890.
    static const QRegularExpression grouped(QStringLiteral("(?<![0-9])[0-9]{3,6}(?:[ -][0-9]{2,6}){1,4}(?![0-9])"));
    for (auto it = grouped.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        if (auto kind = classify(onlyDigitsAndX(m.captured(0))))
            add(*kind, m.capturedStart(), m.capturedLength());
    }
    std::sort(found.begin(), found.end(),
        [](const FreeTextFinding& a, const FreeTextFinding& b) { return a.start < b.start; });
    return found;
}

QString FreeText::maskFindings(const QString& text)
{
    const QList<FreeTextFinding> findings = check(text);
    QString out = text;
    for (auto it = findings.crbegin(); it != findings.crend(); ++it)
        out.replace(it->start, it->length, it->masked);
    return out;
}

QString FreeText::forAudit(const QString& text, const QStringList& hide)
{
    QString out = maskFindings(text).simplified();
    for (const QString& value : hide) {
        const QString term = value.simplified();
        if (term.isEmpty())
            continue;
        const QString masked = Masking::mask(MaskKind::Name, term);
        out.replace(term, masked, Qt::CaseInsensitive);
        QString compact = term;
        compact.remove(QLatin1Char(' '));
        if (compact != term && !compact.isEmpty())
            out.replace(compact, masked, Qt::CaseInsensitive);
    }
    static const QRegularExpression email(QStringLiteral("[^\\s@]+@[^\\s@]+"));
    out.replace(email, QStringLiteral("***@***"));
    static const QRegularExpression digits(QStringLiteral("[0-9０-９][0-9０-９ -]{4,}[0-9０-９Xx]"));
    QString scrubbed;
    qsizetype last = 0;
    for (auto it = digits.globalMatch(out); it.hasNext();) {
        const auto m = it.next();
        scrubbed += out.mid(last, m.capturedStart() - last);
        scrubbed += m.captured(0).left(2) + QStringLiteral("****");
        last = m.capturedEnd();
    }
    scrubbed += out.mid(last);
    // at most 200 characters, never cutting a character in half
    const QList<uint> codePoints = scrubbed.toUcs4();
    if (codePoints.size() > 200)
        return QString::fromUcs4(reinterpret_cast<const char32_t*>(codePoints.constData()), 200);
    return scrubbed;
}

QString FreeText::kindLabel(FreeTextFindingKind kind)
{
    switch (kind) {
    case FreeTextFindingKind::MainlandId:
        return tr("ID number");
    case FreeTextFindingKind::Mobile:
        return tr("mobile number");
    case FreeTextFindingKind::Card:
        return tr("card number");
    case FreeTextFindingKind::Secret:
        return tr("password, PIN or CVV");
    }
    return QString();
}

Error FreeText::refusal(const QList<FreeTextFinding>& findings, const QString& field, const QString& fieldLabel)
{
    QStringList what;
    for (const FreeTextFinding& f : findings)
        what << tr("%1 at character %2").arg(kindLabel(f.kind)).arg(f.position);
    return makeError(ErrorCode::InvalidInput,
        tr("%1 seems to contain protected data (%2). Free text must not hold full ID, mobile or card numbers, "
           "or a customer's password, PIN or CVV: mask them (keep only the masked form) or remove them, and save "
           "again.")
            .arg(fieldLabel, what.join(QStringLiteral("; "))),
        QString(), field);
}

} // namespace bv
