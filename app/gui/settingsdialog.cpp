#include "settingsdialog.h"

#include "checks/blocklistcheck.h"
#include "common/translation.h"
#include "settings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSpinBox>

namespace BounceDoctor::Gui {

SettingsDialog::SettingsDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    const Settings settings;
    auto *form = new QFormLayout(this);
    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("languageCombo"));
    m_language->setAccessibleName(tr("Language"));
    m_language->addItem(tr("System language"), QString());
    for (const QString &language : Translation::availableLanguages())
        m_language->addItem(Translation::nativeName(language), language);
    m_language->setCurrentIndex(qMax(0, m_language->findData(settings.language())));
    form->addRow(tr("&Language:"), m_language);
    auto *languageHint =
        new QLabel(tr("A new language applies when Bounce Doctor starts again."), this);
    languageHint->setWordWrap(true);
    form->addRow(languageHint);
    m_servers = new QLineEdit(settings.dnsServers().join(QStringLiteral(", ")), this);
    m_servers->setObjectName(QStringLiteral("dnsServersEdit"));
    m_servers->setPlaceholderText(tr("System default"));
    m_servers->setAccessibleName(tr("DNS servers"));
    form->addRow(tr("&DNS servers:"), m_servers);
    auto *hint = new QLabel(tr("IP or IP:PORT, separated by commas. Blocklists such as Spamhaus "
                               "refuse public resolvers (1.1.1.1, 8.8.8.8): use your own."),
                            this);
    hint->setWordWrap(true);
    form->addRow(hint);
    m_timeout = new QSpinBox(this);
    m_timeout->setObjectName(QStringLiteral("dnsTimeoutSpin"));
    m_timeout->setRange(200, 60000);
    m_timeout->setSingleStep(500);
    m_timeout->setSuffix(tr(" ms"));
    m_timeout->setValue(settings.dnsTimeoutMs());
    form->addRow(tr("&Timeout per query:"), m_timeout);
    m_dqsKey = new QLineEdit(settings.spamhausDqsKey(), this);
    m_dqsKey->setObjectName(QStringLiteral("dqsKeyEdit"));
    m_dqsKey->setEchoMode(QLineEdit::Password); // a credential: never shown over a shoulder
    m_dqsKey->setAccessibleName(tr("Spamhaus DQS key"));
    m_dqsKey->setPlaceholderText(tr("Optional: a free key from Spamhaus"));
    form->addRow(tr("Spamhaus D&QS key:"), m_dqsKey);
    m_blocklists = new QListWidget(this);
    m_blocklists->setObjectName(QStringLiteral("blocklistsList"));
    m_blocklists->setAccessibleName(tr("Blocklists to check"));
    const QStringList chosen = settings.blocklists();
    for (const BlocklistCheck::ZoneInfo &zone : BlocklistCheck::availableZones()) {
        auto *item =
            new QListWidgetItem(QStringLiteral("%1 (%2)").arg(zone.name, zone.zone), m_blocklists);
        item->setData(Qt::UserRole, zone.zone);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        const bool on = chosen.isEmpty() ? zone.isDefault : chosen.contains(zone.zone);
        item->setCheckState(on ? Qt::Checked : Qt::Unchecked);
    }
    form->addRow(tr("&Blocklists:"), m_blocklists);
    m_maxMessage = new QSpinBox(this);
    m_maxMessage->setObjectName(QStringLiteral("maxMessageSpin"));
    m_maxMessage->setRange(1, 2048);
    m_maxMessage->setSuffix(tr(" MB"));
    m_maxMessage->setValue(settings.maxMessageMegabytes());
    form->addRow(tr("Largest &message:"), m_maxMessage);
    m_maxBatch = new QSpinBox(this);
    m_maxBatch->setObjectName(QStringLiteral("maxBatchSpin"));
    m_maxBatch->setRange(1, 10000000);
    m_maxBatch->setSingleStep(10000);
    m_maxBatch->setValue(settings.maxBatchMessages());
    form->addRow(tr("Most messages &opened at once:"), m_maxBatch);
    m_historyEnabled = new QCheckBox(tr("&Keep a history of cases"), this);
    m_historyEnabled->setObjectName(QStringLiteral("historyEnabledCheck"));
    m_historyEnabled->setChecked(settings.historyEnabled());
    form->addRow(m_historyEnabled);
    m_historyBounceText = new QCheckBox(tr("Keep the bounce's own te&xt in each case"), this);
    m_historyBounceText->setObjectName(QStringLiteral("historyBounceTextCheck"));
    m_historyBounceText->setChecked(settings.historyStoresBounceText());
    form->addRow(m_historyBounceText);
    m_historyRetention = new QSpinBox(this);
    m_historyRetention->setObjectName(QStringLiteral("historyRetentionSpin"));
    m_historyRetention->setRange(0, 36500);
    m_historyRetention->setSpecialValueText(tr("Keep forever"));
    m_historyRetention->setSuffix(tr(" days"));
    m_historyRetention->setValue(settings.historyRetentionDays());
    form->addRow(tr("Delete cases &after:"), m_historyRetention);
    m_historyLocation = new QLineEdit(settings.historyLocation(), this);
    m_historyLocation->setObjectName(QStringLiteral("historyLocationEdit"));
    m_historyLocation->setAccessibleName(tr("Shared case history"));
    m_historyLocation->setPlaceholderText(tr("This computer only"));
    form->addRow(tr("Shared &history:"), m_historyLocation);
    auto *historyHint = new QLabel(tr("For a team: postgresql://user:password@host:5432/database. "
                                      "Empty keeps the history in a file on this computer. "
                                      "Applies when Bounce Doctor starts again."),
                                   this);
    historyHint->setWordWrap(true);
    form->addRow(historyHint);
    connect(m_historyEnabled, &QCheckBox::toggled, this, [this](bool on) {
        for (QWidget *w : std::initializer_list<QWidget *>{m_historyBounceText, m_historyRetention,
                                                           m_historyLocation})
            w->setEnabled(on);
    });
    Q_EMIT m_historyEnabled->toggled(m_historyEnabled->isChecked());
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

void SettingsDialog::accept()
{
    Settings settings;
    settings.setLanguage(m_language->currentData().toString());
    QStringList servers;
    const QStringList parts = m_servers->text().split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &part : parts)
        servers.append(part.trimmed());
    settings.setDnsServers(servers);
    settings.setDnsTimeoutMs(m_timeout->value());
    settings.setSpamhausDqsKey(m_dqsKey->text().trimmed());
    QStringList zones;
    for (int i = 0; i < m_blocklists->count(); ++i) {
        if (m_blocklists->item(i)->checkState() == Qt::Checked)
            zones.append(m_blocklists->item(i)->data(Qt::UserRole).toString());
    }
    settings.setBlocklists(zones);
    settings.setMaxMessageMegabytes(m_maxMessage->value());
    settings.setMaxBatchMessages(m_maxBatch->value());
    settings.setHistoryEnabled(m_historyEnabled->isChecked());
    settings.setHistoryStoresBounceText(m_historyBounceText->isChecked());
    settings.setHistoryRetentionDays(m_historyRetention->value());
    settings.setHistoryLocation(m_historyLocation->text());
    QDialog::accept();
}

} // namespace BounceDoctor::Gui
