#include "helppages.h"

#include "bounce/knowledgebase.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

namespace BounceDoctor::HelpPages {
namespace {

struct Data
{
    QList<Provider> providers;
    QHash<QString, QString> providerOfDomain; ///< consumer domain -> provider id
    QSet<QString> consumerDomains;
};

const Data &data()
{
    static const Data loaded = [] {
        Data d;
        const QJsonObject root = KnowledgeBase::document(QStringLiteral("help-pages.json"));
        for (const QJsonValue &value : root.value(QLatin1String("providers")).toArray()) {
            const QJsonObject o = value.toObject();
            Provider p;
            p.id = o.value(QLatin1String("provider")).toString();
            p.name = o.value(QLatin1String("name")).toString();
            for (const QJsonValue &page : o.value(QLatin1String("pages")).toArray()) {
                const QJsonObject po = page.toObject();
                p.pages.append({po.value(QLatin1String("kind")).toString(),
                                po.value(QLatin1String("title")).toString(),
                                QUrl(po.value(QLatin1String("url")).toString())});
            }
            for (const QJsonValue &domain : o.value(QLatin1String("domains")).toArray()) {
                d.providerOfDomain.insert(domain.toString(), p.id);
                d.consumerDomains.insert(domain.toString());
            }
            d.providers.append(p);
        }
        for (const QJsonValue &domain : root.value(QLatin1String("otherConsumerDomains")).toArray())
            d.consumerDomains.insert(domain.toString());
        return d;
    }();
    return loaded;
}

QString normalized(const QString &domain)
{
    QString d = domain.trimmed().toLower();
    if (d.endsWith(QLatin1Char('.')))
        d.chop(1);
    return d;
}

} // namespace

Provider provider(const QString &id)
{
    for (const Provider &p : data().providers) {
        if (p.id == id)
            return p;
    }
    return {};
}

Provider providerOfDomain(const QString &domain)
{
    return provider(data().providerOfDomain.value(normalized(domain)));
}

bool isConsumerDomain(const QString &domain)
{
    return data().consumerDomains.contains(normalized(domain));
}

} // namespace BounceDoctor::HelpPages
