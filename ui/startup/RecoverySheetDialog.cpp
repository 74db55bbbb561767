#include "ui/startup/RecoverySheetDialog.h"

#include "ui/startup/RecoverySheetPrinter.h"

#include <QCheckBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDir>
#include <QFontDatabase>
#include <QLabel>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QTextDocument>
#include <QVBoxLayout>

namespace bv::ui {

RecoverySheetDialog::RecoverySheetDialog(const QString& databasePath, const SecureBytes& passphrase, QWidget* parent)
    : QDialog(parent)
    , m_path(databasePath)
    , m_passphrase(passphrase.clone())
{
    setWindowTitle(tr("Recovery passphrase"));
    setModal(true);
    auto* layout = new QVBoxLayout(this);

    auto* intro = new QLabel(tr("This is the recovery passphrase of the new database. It is shown only now.\n"
                                "With it (and the key envelope beside the database) the database can be unlocked on "
                                "a re-imaged workstation or another OS account. Print it or write it down, seal it "
                                "in an envelope, and keep it away from this computer."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* code = new QLabel(QString::fromLatin1(m_passphrase.view().toByteArray()), this);
    code->setObjectName(QStringLiteral("passphraseLabel"));
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(mono.pointSizeF() * 1.6);
    mono.setBold(true);
    code->setFont(mono);
    code->setAlignment(Qt::AlignCenter);
    code->setTextInteractionFlags(Qt::NoTextInteraction);
    code->setContextMenuPolicy(Qt::NoContextMenu);
    code->setAccessibleName(tr("Recovery passphrase"));
    code->setMargin(12);
    layout->addWidget(code);

    auto* where = new QLabel(tr("Database: %1").arg(QDir::toNativeSeparators(m_path)), this);
    where->setWordWrap(true);
    layout->addWidget(where);

    m_stored = new QCheckBox(tr("I have printed or written down the recovery passphrase and &stored it safely"), this);
    m_stored->setObjectName(QStringLiteral("storedCheckBox"));
    layout->addWidget(m_stored);

    auto* buttons = new QDialogButtonBox(this);
    m_print = buttons->addButton(tr("&Print…"), QDialogButtonBox::ActionRole);
    m_print->setObjectName(QStringLiteral("printButton"));
    m_continue = buttons->addButton(tr("&Continue"), QDialogButtonBox::AcceptRole);
    m_continue->setObjectName(QStringLiteral("continueButton"));
    m_continue->setEnabled(false);
    layout->addWidget(buttons);

    connect(m_stored, &QCheckBox::toggled, m_continue, &QPushButton::setEnabled);
    connect(m_print, &QPushButton::clicked, this, &RecoverySheetDialog::print);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    setTabOrder(m_print, m_stored);
    setTabOrder(m_stored, m_continue);
}

RecoverySheetDialog::~RecoverySheetDialog() = default;

QString RecoverySheetDialog::sheetHtml() const
{
    return tr("<h2>BranchVault recovery sheet</h2>"
              "<p><b>CONTROLLED — keep sealed.</b> Printed before the database was opened: this sheet has "
              "no serial and is not in the print register. Record on the envelope who sealed it and who keeps "
              "it.</p>"
              "<p>Database: %1<br>Created: %2</p>"
              "<p style=\"font-size:20pt; font-family:monospace\"><b>%3</b></p>"
              "<p>To unlock this database on a new workstation or OS account, run "
              "<code>branchvault-cli unlock --db PATH</code> or start BranchVault and type this passphrase when "
              "asked. Letters and digits only; dashes and case do not matter.</p>"
              "<p>Sealed by: ____________________ &nbsp; Witness: ____________________ &nbsp; Date: __________</p>")
        .arg(QDir::toNativeSeparators(m_path).toHtmlEscaped(),
            RecoverySheetPrinter::branchTimeText(QDateTime::currentDateTimeUtc()).toHtmlEscaped(),
            QString::fromLatin1(m_passphrase.view().toByteArray()));
}

void RecoverySheetDialog::printSheet(QPrinter* printer) const
{
    QTextDocument document;
    document.setHtml(sheetHtml());
    document.print(printer);
}

void RecoverySheetDialog::print()
{
    QPrinter printer(QPrinter::HighResolution);
    QPrintDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Print the recovery sheet"));
    if (dialog.exec() == QDialog::Accepted)
        printSheet(&printer);
}

} // namespace bv::ui
