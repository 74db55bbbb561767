#pragma once

#include "core/common/Result.h"
#include "core/common/SecureBytes.h"

#include <QCoreApplication>

namespace bv::cli {

// Reads secrets (passwords, the recovery passphrase) from standard input: prompted without echo when
// stdin is a terminal, one line per secret otherwise (for scripts). Secrets never come from the
// command line, where other users could see them in the process list.
class CliInput
{
    Q_DECLARE_TR_FUNCTIONS(CliInput)
public:
    static Result<SecureBytes> readSecret(const QString& prompt);
    static Result<QByteArray> readAll(); // for JSON documents on stdin
    static bool isTerminal();
};

} // namespace bv::cli
