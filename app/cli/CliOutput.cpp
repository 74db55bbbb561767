#include "app/cli/CliOutput.h"

#include <QJsonDocument>

#include <cstdio>

namespace bv::cli {

namespace {
void writeTo(FILE* stream, const QString& text)
{
    const QByteArray bytes = text.toUtf8();
    fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    fflush(stream);
}
} // namespace

void CliOutput::result(const QJsonObject& json, const QString& text)
{
    if (m_json) {
        QJsonObject object = json;
        object.insert(QStringLiteral("ok"), true);
        writeTo(stdout, QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented)));
    } else if (!text.isEmpty()) {
        writeTo(stdout, text.endsWith(QLatin1Char('\n')) ? text : text + QLatin1Char('\n'));
    }
}

void CliOutput::text(const QString& line)
{
    if (!m_json)
        writeTo(stdout, line + QLatin1Char('\n'));
}

void CliOutput::progress(const QString& line)
{
    if (!m_json)
        writeTo(stderr, line + QLatin1Char('\n'));
}

int CliOutput::fail(const Error& error)
{
    return fail(error, QJsonObject());
}

int CliOutput::fail(const Error& error, const QJsonObject& extra)
{
    QString line = error.fullText();
    line.replace(QLatin1Char('\n'), QLatin1Char(' '));
    writeTo(stderr, QStringLiteral("branchvault-cli: ") + line + QLatin1Char('\n'));
    if (m_json) {
        QJsonObject object {{QStringLiteral("ok"), false}, {QStringLiteral("error"), errorCodeName(error.code)},
            {QStringLiteral("message"), error.message}};
        if (!error.detail.isEmpty())
            object.insert(QStringLiteral("detail"), error.detail);
        if (!error.field.isEmpty())
            object.insert(QStringLiteral("field"), error.field);
        for (auto it = extra.constBegin(); it != extra.constEnd(); ++it)
            object.insert(it.key(), it.value());
        writeTo(stdout, QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) + QLatin1Char('\n'));
    }
    return exitStatusFor(error.code);
}

} // namespace bv::cli
