#pragma once

#include "core/common/Error.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace bv::cli {

// Everything the CLI prints goes through here: results on stdout (text, or one JSON document with
// --json), errors as exactly one line on stderr (plus a JSON error object on stdout with --json).
class CliOutput
{
    Q_DECLARE_TR_FUNCTIONS(CliOutput)
public:
    explicit CliOutput(bool json)
        : m_json(json)
    {
    }
    bool json() const { return m_json; }

    void result(const QJsonObject& json, const QString& text);
    void text(const QString& line); // text mode only (ignored with --json)
    void progress(const QString& line); // stderr, text mode only
    int fail(const Error& error); // returns the exit status for the error
    // Like fail(), with more fields in the --json error object (e.g. the problems verify found).
    int fail(const Error& error, const QJsonObject& extra);

private:
    bool m_json;
};

} // namespace bv::cli

// In a command: return the CLI's failure status if a Status/Result is an error.
#define BV_CLI_TRY(expr)                                                                                               \
    do {                                                                                                               \
        const auto& bvCliResult_ = (expr);                                                                             \
        if (!bvCliResult_.ok())                                                                                        \
            return ctx.out.fail(bvCliResult_.error());                                                                 \
    } while (false)
