// The JSON text written directly on hot paths (core/internal/common/JsonText.h) must be exactly what
// QJsonDocument writes: every UTF-16 code unit alone, surrogate pairs, unpaired surrogates, and a pending change's
// diff as the core stores it (CustomerEntry::diffText), read back and written again by Qt.
#include "core/customers/CustomerService.h"
#include "core/customers/lifecycle/CustomerEntry.h"
#include "core/internal/common/JsonText.h"
#include "core/internal/db/Database.h"
#include "core/policy/FieldCatalogue.h"
#include "tests/testsupport/TestCore.h"
#include "tests/testsupport/TestData.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace bv;
using namespace bv::test;

namespace {

// What QJsonDocument writes for `text` as a JSON string (the array's brackets removed).
QByteArray qtText(const QString& text)
{
    const QByteArray array = QJsonDocument(QJsonArray {text}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

QByteArray ours(const QString& text)
{
    QByteArray out;
    jsontext::appendString(out, text);
    return out;
}

} // namespace

class TestJsonText : public QObject
{
    Q_OBJECT
private slots:
    void everyCodeUnitIsWrittenAsQtWritesIt()
    {
        int differing = 0;
        for (char32_t unit = 0; unit <= 0xffff; ++unit) {
            const QString text = QStringLiteral("a") + QChar(char16_t(unit)) + QStringLiteral("b");
            if (ours(text) != qtText(text)) {
                if (++differing <= 5)
                    qWarning("U+%04X: %s against Qt's %s", unsigned(unit), ours(text).toHex().constData(),
                        qtText(text).toHex().constData());
            }
        }
        QCOMPARE(differing, 0);
    }

    void surrogatesAreWrittenAsQtWritesThem_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("a pair (CJK Extension B)") << QString::fromUtf8("姓\xf0\xa0\x80\x80名");
        QTest::newRow("a pair (emoji)") << QString::fromUtf8("\xf0\x9f\x98\x80");
        QTest::newRow("the last plane") << QString::fromUcs4(U"\U0010FFFF", 1);
        QTest::newRow("a high one at the end") << (QStringLiteral("x") + QChar(char16_t(0xd800)));
        QTest::newRow("a high one before a letter") << (QChar(char16_t(0xdbff)) + QStringLiteral("x"));
        QTest::newRow("two high ones, then a low one")
            << (QString(QChar(char16_t(0xd800))) + QChar(char16_t(0xd801)) + QChar(char16_t(0xdc00)));
        QTest::newRow("a low one alone") << QString(QChar(char16_t(0xdc00)));
        QTest::newRow("quotes, backslash, slash, controls") << QStringLiteral("\"a\\b/c\u0001\u001f\u007f\t\n\r\b\f\"");
        QTest::newRow("empty") << QString();
    }
    void surrogatesAreWrittenAsQtWritesThem()
    {
        QFETCH(QString, text);
        QCOMPARE(ours(text), qtText(text));
    }

    // A new record's diff as stored, with text that needs escaping in the fields that take free text: Qt reads
    // it back and writes exactly the same text.
    void aStoredDiffIsWhatQtWouldWrite()
    {
        auto t = TestCore::create();
        QVERIFY(t);
        const Session m1 = t->addUser(QStringLiteral("m1"), Role::Manager);
        const Session cm1 = t->addUser(QStringLiteral("cm1"), Role::CustomerManager);
        CustomerInput input = customerInput(7);
        input.values.insert(QString::fromLatin1(fields::Occupation),
            QString::fromUtf8("工程师 \"高级\" \\ a/b \xf0\xa0\x80\x80 \xf0\x9f\x98\x80"));
        input.values.insert(QString::fromLatin1(fields::Employer), QStringLiteral("{\"x\": [1, 2]}"));
        auto receipt = t->core->customers().entry().create(cm1, input);
        QVERIFY2(receipt.ok(), receipt.ok() ? "" : qPrintable(receipt.error().fullText()));
        auto stored = t->vault->database().scalar(
            QStringLiteral("SELECT diff_json FROM customer_changes WHERE id = ?"), {QVariant(receipt->changeId)});
        QVERIFY(stored.ok());
        const QByteArray text = stored->toString().toUtf8();
        QJsonParseError error;
        const QJsonDocument parsed = QJsonDocument::fromJson(text, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QVERIFY(parsed.array().size() >= 8);
        QVERIFY(text.contains("\\\"高级\\\" \\\\ a/b"));
        QCOMPARE(text, parsed.toJson(QJsonDocument::Compact));
        // Every entry has exactly its three keys, a new record's "old" is empty, and a free-text field's "new" is
        // its value.
        int employer = 0;
        for (const QJsonValue& entry : parsed.array()) {
            const QJsonObject o = entry.toObject();
            QCOMPARE(o.keys(), (QStringList {QStringLiteral("field"), QStringLiteral("new"), QStringLiteral("old")}));
            QCOMPARE(o.value(QStringLiteral("old")).toString(), QString());
            QVERIFY(!o.value(QStringLiteral("new")).toString().isEmpty());
            if (o.value(QStringLiteral("field")).toString() == QLatin1String(fields::Employer)) {
                QCOMPARE(o.value(QStringLiteral("new")).toString(), QStringLiteral("{\"x\": [1, 2]}"));
                ++employer;
            }
        }
        QCOMPARE(employer, 1);

        // An edit's diff: the value it replaces under "old", the new one under "new".
        BV_VERIFY_OK(t->core->customers().entry().approve(m1, receipt->changeId, QStringLiteral("checked")));
        input.values.insert(QString::fromLatin1(fields::Employer), QStringLiteral("新单位"));
        auto edited = t->core->customers().entry().edit(cm1, receipt->customerNumber, input);
        QVERIFY2(edited.ok(), edited.ok() ? "" : qPrintable(edited.error().fullText()));
        auto editText = t->vault->database().scalar(
            QStringLiteral("SELECT diff_json FROM customer_changes WHERE id = ?"), {QVariant(edited->changeId)});
        QVERIFY(editText.ok());
        const QByteArray editBytes = editText->toString().toUtf8();
        const QJsonDocument editDiff = QJsonDocument::fromJson(editBytes);
        QCOMPARE(editBytes, editDiff.toJson(QJsonDocument::Compact));
        int replaced = 0;
        for (const QJsonValue& entry : editDiff.array()) {
            const QJsonObject change = entry.toObject();
            if (change.value(QStringLiteral("field")).toString() != QLatin1String(fields::Employer))
                continue;
            QCOMPARE(change.value(QStringLiteral("old")).toString(), QStringLiteral("{\"x\": [1, 2]}"));
            QCOMPARE(change.value(QStringLiteral("new")).toString(), QStringLiteral("新单位"));
            ++replaced;
        }
        QCOMPARE(replaced, 1);
    }
};

QTEST_GUILESS_MAIN(TestJsonText)
#include "tst_jsontext.moc"
