#include "app/cli/CliInput.h"

#include <cstdio>

#ifdef Q_OS_UNIX
#include <termios.h>
#include <unistd.h>
#endif

namespace bv::cli {

bool CliInput::isTerminal()
{
#ifdef Q_OS_UNIX
    return isatty(STDIN_FILENO) == 1;
#else
    return false;
#endif
}

Result<SecureBytes> CliInput::readSecret(const QString& prompt)
{
    const bool terminal = isTerminal();
#ifdef Q_OS_UNIX
    termios saved = {};
    if (terminal) {
        const QByteArray text = (prompt + QStringLiteral(": ")).toUtf8();
        fwrite(text.constData(), 1, size_t(text.size()), stderr);
        fflush(stderr);
        tcgetattr(STDIN_FILENO, &saved);
        termios silent = saved;
        silent.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &silent);
    }
#endif
    SecureBytes buffer(1024);
    std::size_t length = 0;
    int c = 0;
    bool sawAny = false;
    while ((c = fgetc(stdin)) != EOF) {
        sawAny = true;
        if (c == '\n')
            break;
        if (length < buffer.size())
            buffer.data()[length++] = static_cast<unsigned char>(c);
    }
#ifdef Q_OS_UNIX
    if (terminal) {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        fputc('\n', stderr);
    }
#endif
    if (length > 0 && buffer.data()[length - 1] == '\r')
        --length;
    if (!sawAny || length == 0)
        return makeError(ErrorCode::InvalidInput,
            tr("%1 is missing: type it at the prompt, or give it on standard input (one line).").arg(prompt));
    return buffer.mid(0, length);
}

Result<QByteArray> CliInput::readAll()
{
    QByteArray data;
    char chunk[4096];
    std::size_t n = 0;
    while ((n = fread(chunk, 1, sizeof(chunk), stdin)) > 0) {
        data.append(chunk, qsizetype(n));
        if (data.size() > 64 * 1024 * 1024)
            return makeError(ErrorCode::InvalidInput, tr("The input on standard input is larger than 64 MiB."));
    }
    return data;
}

} // namespace bv::cli
