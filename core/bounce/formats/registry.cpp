#include "bounceformat.h"
#include "formats.h"

namespace BounceDoctor {

const std::vector<std::unique_ptr<BounceFormat>> &bounceFormats()
{
    static const std::vector<std::unique_ptr<BounceFormat>> formats = [] {
        std::vector<std::unique_ptr<BounceFormat>> list;
        // Machine-readable reports first, then the MTAs' text shapes, then the fallbacks.
        list.push_back(Formats::makeAmazonSesJson());
        list.push_back(Formats::makeArf());
        list.push_back(Formats::makeMcAfee());
        // OpenSMTPD's own notification says more than the delivery-status part it adds.
        list.push_back(Formats::makeOpenSmtpd());
        list.push_back(Formats::makeRfc3464());
        list.push_back(Formats::makeAutoReply());
        list.push_back(Formats::makeYahoo());
        list.push_back(Formats::makeQmail());
        list.push_back(Formats::makePostfix());
        list.push_back(Formats::makeDomino());
        list.push_back(Formats::makeNotes());
        list.push_back(Formats::makeExchange2003());
        list.push_back(Formats::makeIMailServer());
        list.push_back(Formats::makeVerizon());
        list.push_back(Formats::makeApacheJames());
        list.push_back(Formats::makeFml());
        list.push_back(Formats::makeDragonFly());
        list.push_back(Formats::makeCourier());
        list.push_back(Formats::makeExim());
        list.push_back(Formats::makeSendmail());
        list.push_back(Formats::makeExchange());
        list.push_back(Formats::makeGmail());
        list.push_back(Formats::makeGenericText());
        list.push_back(Formats::makeSmtpReply());
        return list;
    }();
    return formats;
}

} // namespace BounceDoctor
