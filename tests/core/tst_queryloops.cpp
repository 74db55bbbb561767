// Every read of rows in core/ is checked (CONVENTIONS.md: "a query loop ends by checking the query's
// error"). QSqlQuery::next() and sqlite3_step() stop both at the end of the rows and on a read error;
// a loop that does not look at the error afterwards turns one damaged page into a short list reported
// as a success. This test reads the real source tree and fails, naming file:line, for:
//   - a loop (while, for, do-while) whose condition calls next() or sqlite3_step() and that is not
//     followed, after its body and within the same block, by rowsFinished() on the same query or
//     statement (core/internal/db/QueryRows.h);
//   - a single-row read, `if (q->next())` (rowsFinished() after it in the same block) or
//     `if (!q->next())` (rowsFinished() inside that branch, before it returns "not found");
//   - any other use of next() (`bool found = q->next();`) not followed by rowsFinished() in its block.
// Iterators (a variable that also has hasNext()) are not queries. The driver itself
// (core/db/SqlCipherResult.cpp) is where the error comes from and is not scanned.
#include <QDirIterator>
#include <QFile>
#include <QMap>
#include <QRegularExpression>
#include <QTest>

namespace {

struct Finding
{
    int line = 0;
    QString what;
};

// Comments, string and character literals (raw strings included) replaced by spaces, newlines kept,
// so that positions and line numbers stay those of the file.
QString stripped(const QString& source)
{
    QString out = source;
    const qsizetype n = source.size();
    auto blank = [&](qsizetype from, qsizetype to) {
        for (qsizetype k = from; k < to && k < n; ++k) {
            if (out[k] != QLatin1Char('\n'))
                out[k] = QLatin1Char(' ');
        }
    };
    qsizetype i = 0;
    while (i < n) {
        const QChar c = source[i];
        const QChar next = i + 1 < n ? source[i + 1] : QChar();
        if (c == QLatin1Char('/') && next == QLatin1Char('/')) {
            qsizetype end = source.indexOf(QLatin1Char('\n'), i);
            if (end < 0)
                end = n;
            blank(i, end);
            i = end;
        } else if (c == QLatin1Char('/') && next == QLatin1Char('*')) {
            qsizetype end = source.indexOf(QLatin1String("*/"), i + 2);
            end = end < 0 ? n : end + 2;
            blank(i, end);
            i = end;
        } else if (c == QLatin1Char('R') && next == QLatin1Char('"')
            && (i == 0 || !(source[i - 1].isLetterOrNumber() || source[i - 1] == QLatin1Char('_')))) {
            const qsizetype open = source.indexOf(QLatin1Char('('), i + 2);
            if (open < 0)
                break;
            const QString closing = QLatin1Char(')') + source.mid(i + 2, open - i - 2) + QLatin1Char('"');
            qsizetype end = source.indexOf(closing, open);
            end = end < 0 ? n : end + closing.size();
            blank(i + 1, end);
            i = end;
        } else if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            qsizetype k = i + 1;
            while (k < n && source[k] != c && source[k] != QLatin1Char('\n')) {
                if (source[k] == QLatin1Char('\\'))
                    ++k;
                ++k;
            }
            blank(i + 1, k);
            i = k + 1;
        } else {
            ++i;
        }
    }
    return out;
}

// Index of the bracket that closes the one at `open` (or -1).
qsizetype matching(const QString& text, qsizetype open)
{
    const QChar o = text[open];
    const QChar c = o == QLatin1Char('(') ? QLatin1Char(')') : QLatin1Char('}');
    int depth = 0;
    for (qsizetype k = open; k < text.size(); ++k) {
        if (text[k] == o)
            ++depth;
        else if (text[k] == c && --depth == 0)
            return k;
    }
    return -1;
}

// End of the innermost { } block that contains `pos` (the index of its '}'; the file's end at top level).
qsizetype blockEnd(const QString& text, qsizetype pos)
{
    int depth = 0;
    for (qsizetype k = pos; k < text.size(); ++k) {
        if (text[k] == QLatin1Char('{'))
            ++depth;
        else if (text[k] == QLatin1Char('}') && depth-- == 0)
            return k;
    }
    return text.size();
}

// End (exclusive) of the statement that starts at `pos`: a { } block, or everything up to the first ';'
// outside brackets (a brace initialiser or a lambda inside the statement is skipped over).
qsizetype statementEnd(const QString& text, qsizetype pos)
{
    while (pos < text.size() && text[pos].isSpace())
        ++pos;
    if (pos < text.size() && text[pos] == QLatin1Char('{')) {
        const qsizetype close = matching(text, pos);
        return close < 0 ? text.size() : close + 1;
    }
    int depth = 0;
    for (qsizetype k = pos; k < text.size(); ++k) {
        const QChar c = text[k];
        if (c == QLatin1Char('(') || c == QLatin1Char('{'))
            ++depth;
        else if (c == QLatin1Char(')') || c == QLatin1Char('}'))
            --depth;
        else if (c == QLatin1Char(';') && depth == 0)
            return k + 1;
        if (depth < 0)
            return k; // the enclosing block ended
    }
    return text.size();
}

int lineAt(const QString& text, qsizetype pos)
{
    return int(text.left(pos).count(QLatin1Char('\n'))) + 1;
}

// The variable a `->next()` / `.next()` is called on: `q`, `(*q)`, `(*last)` -> q, q, last.
QString receiverBefore(const QString& text, qsizetype dot)
{
    qsizetype k = dot - 1;
    while (k >= 0 && (text[k].isSpace() || text[k] == QLatin1Char(')')))
        --k;
    const qsizetype end = k + 1;
    while (k >= 0 && (text[k].isLetterOrNumber() || text[k] == QLatin1Char('_')))
        --k;
    return text.mid(k + 1, end - k - 1);
}

struct Header
{
    QString keyword; // while, for, if
    qsizetype open = 0; // '(' of the condition
    qsizetype close = 0; // its ')'
};

// The unchecked reads of one file's text.
QList<Finding> uncheckedReads(const QString& source)
{
    const QString text = stripped(source);
    QList<Finding> findings;

    QList<Header> headers;
    static const QRegularExpression headerRe(QStringLiteral("\\b(while|for|if)\\s*\\("));
    for (auto it = headerRe.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const qsizetype open = m.capturedEnd() - 1;
        const qsizetype close = matching(text, open);
        if (close > open)
            headers << Header {m.captured(1), open, close};
    }

    static const QRegularExpression readRe(QStringLiteral("(\\.|->)\\s*next\\s*\\(\\s*\\)|\\bsqlite3_step\\s*\\("));
    for (auto it = readRe.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const qsizetype at = m.capturedStart();
        const bool step = m.captured(0).startsWith(QLatin1String("sqlite3_step"));
        QString var;
        if (step) {
            static const QRegularExpression arg(QStringLiteral("\\G\\s*\\(?\\s*([A-Za-z_]\\w*)"));
            const auto a = arg.match(text, m.capturedEnd());
            var = a.hasMatch() ? a.captured(1) : QString();
        } else {
            var = receiverBefore(text, at);
        }
        if (var.isEmpty())
            continue;
        if (!step) {
            // an iterator (QListIterator, QRegularExpressionMatchIterator, ...), not a query
            const QRegularExpression iterator(
                QStringLiteral("\\b%1\\s*\\)?\\s*(\\.|->)\\s*hasNext\\s*\\(").arg(QRegularExpression::escape(var)));
            if (iterator.match(text).hasMatch())
                continue;
        }

        // the innermost control header whose condition holds this read
        const Header* header = nullptr;
        for (const Header& h : std::as_const(headers)) {
            if (h.open < at && at < h.close && (!header || h.open > header->open))
                header = &h;
        }
        const bool loop = header && header->keyword != QLatin1String("if");
        if (step && !loop)
            continue; // a single step (exec of one statement): not a row loop

        const QString what = (step ? QStringLiteral("sqlite3_step(%1)") : QStringLiteral("%1->next()")).arg(var)
            + (loop          ? QStringLiteral(" loop")
                    : header ? QStringLiteral(" in an if")
                             : QString());
        qsizetype from = 0;
        qsizetype to = 0;
        if (loop) {
            // after the loop's body (a do-while's condition is followed by its ';')
            from = statementEnd(text, header->close + 1);
            to = blockEnd(text, from);
        } else if (header) {
            const QString condition = text.mid(header->open, header->close - header->open + 1);
            const QRegularExpression negated(QStringLiteral("!\\s*[\\(\\*\\s]*%1\\b[\\)\\s]*(\\.|->)\\s*next\\b")
                                                 .arg(QRegularExpression::escape(var)));
            from = header->close + 1;
            // `if (!q->next())`: the branch that handles "no row" must check before it returns
            to = negated.match(condition).hasMatch() ? statementEnd(text, from) : blockEnd(text, from);
        } else {
            from = m.capturedEnd();
            to = blockEnd(text, from);
        }
        const QRegularExpression helper(
            QStringLiteral("\\browsFinished\\s*\\([\\s\\(\\*]*%1\\b").arg(QRegularExpression::escape(var)));
        const auto found = helper.match(text.left(to), from);
        if (!found.hasMatch())
            findings << Finding {lineAt(text, at), what};
    }
    return findings;
}

} // namespace

class TestQueryLoops : public QObject
{
    Q_OBJECT
private:
private slots:
    void lint_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("unchecked");
        const QString check = QStringLiteral("BV_TRY(rowsFinished(*q, Reading::AuditLog));");
        QTest::newRow("while, checked") << QStringLiteral("{ while (q->next()) rows << 1; %1 return rows; }").arg(check)
                                        << 0;
        QTest::newRow("while, unchecked") << QStringLiteral("{ while (q->next()) rows << 1; return rows; }") << 1;
        QTest::newRow("while with a body, checked")
            << QStringLiteral("{ while ((*q)->next()) { a(); b(); } BV_TRY(rowsFinished(**q, c)); }") << 0;
        QTest::newRow("check before the loop does not count")
            << QStringLiteral("{ %1 while (q->next()) { a(); } return {}; }").arg(check) << 1;
        QTest::newRow("check on another query does not count")
            << QStringLiteral("{ while (q->next()) a(); BV_TRY(rowsFinished(*other, c)); }") << 1;
        QTest::newRow("check outside the block does not count")
            << QStringLiteral("{ { while (q->next()) a(); } %1 }").arg(check) << 1;
        QTest::newRow("check in a comment does not count")
            << QStringLiteral("{ while (q->next()) a(); // rowsFinished(*q, c)\n }") << 1;
        QTest::newRow("brace initialiser in the body")
            << QStringLiteral("{ while (q->next()) list << T {1, {2}}; %1 }").arg(check) << 0;
        QTest::newRow("do-while") << QStringLiteral("{ do { a(); } while (q->next()); %1 }").arg(check) << 0;
        QTest::newRow("for") << QStringLiteral("{ for (; q.next();) a(); }") << 1;
        QTest::newRow("if, checked after") << QStringLiteral("{ if (q->next()) { a(); } %1 }").arg(check) << 0;
        QTest::newRow("if, unchecked") << QStringLiteral("{ if (q->next()) { a(); } return x; }") << 1;
        QTest::newRow("if not, checked in the branch")
            << QStringLiteral("{ if (!q->next()) { %1 return notFound(); } use(); }").arg(check) << 0;
        QTest::newRow("if not, checked only after the branch")
            << QStringLiteral("{ if (!q->next()) return notFound(); %1 }").arg(check) << 1;
        QTest::newRow("if not, returned") << QStringLiteral("{ if (!(*q)->next()) return rowsFinished(**q, c); }") << 0;
        QTest::newRow("statement") << QStringLiteral("{ const bool found = q->next(); use(found); }") << 1;
        QTest::newRow("sqlite3_step loop, checked")
            << QStringLiteral("{ int rc = 0; while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) a(); "
                              "BV_TRY(rowsFinished(stmt, rc, c)); sqlite3_finalize(stmt); }")
            << 0;
        QTest::newRow("sqlite3_step loop, unchecked")
            << QStringLiteral("{ while (sqlite3_step(stmt) == SQLITE_ROW) a(); sqlite3_finalize(stmt); }") << 1;
        QTest::newRow("single sqlite3_step") << QStringLiteral("{ const int rc = sqlite3_step(stmt); }") << 0;
        QTest::newRow("iterator") << QStringLiteral("{ while (it.hasNext()) { const auto m = it.next(); } }") << 0;
        QTest::newRow("string literal") << QStringLiteral("{ const char* s = \"while (q->next())\"; }") << 0;
    }

    void lint()
    {
        QFETCH(QString, code);
        QFETCH(int, unchecked);
        QCOMPARE(uncheckedReads(code).size(), unchecked);
    }

    void everyReadInCoreIsChecked()
    {
        const QString root = qEnvironmentVariable("BV_SOURCE_DIR");
        QVERIFY2(!root.isEmpty(), "run through ctest (BV_SOURCE_DIR names the source tree)");
        QDirIterator it(root + QStringLiteral("/core"), {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files,
            QDirIterator::Subdirectories);
        QStringList problems;
        int files = 0;
        int checks = 0;
        while (it.hasNext()) {
            const QString path = it.next();
            const QString rel = path.mid(root.size() + 1);
            if (rel == QLatin1String("core/db/SqlCipherResult.cpp"))
                continue;
            QFile file(path);
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
            const QString source = QString::fromUtf8(file.readAll());
            ++files;
            checks += int(stripped(source).count(QRegularExpression(QStringLiteral("\\browsFinished\\s*\\("))));
            const QList<Finding> findings = uncheckedReads(source);
            for (const Finding& f : findings)
                problems << QStringLiteral("%1:%2: %3 is not followed by rowsFinished() on the same query "
                                           "(core/internal/db/QueryRows.h)")
                                .arg(rel)
                                .arg(f.line)
                                .arg(f.what);
        }
        // the real tree, not an empty folder
        QVERIFY2(files > 60, qPrintable(QStringLiteral("only %1 files under %2/core").arg(files).arg(root)));
        QVERIFY2(checks >= 50, qPrintable(QStringLiteral("only %1 rowsFinished() calls found").arg(checks)));
        for (const QString& problem : std::as_const(problems))
            qWarning().noquote() << problem;
        QVERIFY2(problems.isEmpty(),
            qPrintable(QStringLiteral("%1 unchecked read(s) in core/, listed above").arg(problems.size())));
    }
};

QTEST_GUILESS_MAIN(TestQueryLoops)
#include "tst_queryloops.moc"
