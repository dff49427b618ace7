"""The blog and the events in Arabic: the listings, Väestöliitto's post on becoming part of
Finnish society, its Womento workshop and the northern regional meeting, translated through
wagtail-localize like the rest of the Arabic demo, so that an Arabic reader's blog and event
listings are not empty. Texts the organisation pages already translate are reused."""

from demo.builder import demo_step
from demo.network.organisations import LOCALIZED, SETTLEMENT_IN_ARABIC

ARABIC = {
    # the listings
    "Blogi": "المدونة",
    "Verkoston jäsenten ja yhteistyökumppanien kirjoituksia kotoutumisesta.": (
        "كتابات أعضاء الشبكة وشركائها عن الاندماج."
    ),
    "Tapahtumat": "الفعاليات",
    "Verkoston jäsenten kokoukset, alueelliset tapaamiset, työpajat ja koulutukset.": (
        "اجتماعات أعضاء الشبكة ولقاءاتهم الإقليمية وورش العمل والدورات التدريبية."
    ),
    # the post
    "Osaksi suomalaista yhteiskuntaa": "أن تصبح جزءًا من المجتمع الفنلندي",
    "Väestöliiton Womento-työuramentorointi on parantanut erityisesti maahanmuuttajanaisten "
    "työelämäosallisuutta ja -taitoja.": (
        "حسّن برنامج Womento للإرشاد المهني التابع لـ Väestöliitto مشاركة النساء المهاجرات في سوق "
        "العمل ومهاراتهن فيه على وجه الخصوص."
    ),
    "Väestöliitto": "Väestöliitto",
    "Monipuolisen maahanmuuttajatyön avulla voidaan vahvistaa esimerkiksi Suomeen saapuneiden "
    "pakolaisten ja turvapaikanhakijoiden vanhemmuuden taitoja sekä osallisuutta "
    "työelämään.": (
        "يمكن للعمل المتنوع مع المهاجرين أن يعزز، على سبيل المثال، مهارات الوالدية لدى اللاجئين "
        "وطالبي اللجوء القادمين إلى فنلندا ومشاركتهم في سوق العمل."
    ),
    "Erilaiset Väestöliiton vertaistuen mallit auttavat maahanmuuttajia sopeutumaan osaksi "
    "suomalaista yhteiskuntaa. Esimerkiksi Puhutaan kotoutumisesta -vertaisryhmätoiminnan avulla "
    "maahanmuuttajien ja turvapaikanhakijoiden tietotaito tasa-arvosta ja seksuaalioikeuksista on "
    "parantunut eri puolilla Suomea.": (
        "تساعد نماذج دعم الأقران المختلفة لدى Väestöliitto المهاجرين على التكيّف ليصبحوا جزءًا من "
        "المجتمع الفنلندي. فعلى سبيل المثال، تحسّنت بفضل مجموعات الأقران «لنتحدث عن الاندماج» "
        "(Puhutaan kotoutumisesta) معرفة المهاجرين وطالبي اللجوء بالمساواة والحقوق الجنسية في "
        "أنحاء مختلفة من فنلندا."
    ),
    "Vuonna 2003 aloitettu toiminta on valtakunnallista ja perustuu tutkimustietoon, käytännön "
    "kokemukseen sekä erilaisista kulttuuritaustoista tulevien asiantuntijoiden "
    "ammattitaitoon.": (
        "بدأ هذا العمل عام 2003 وهو على المستوى الوطني، ويقوم على البحث العلمي والخبرة العملية "
        "ومهارة خبراء من خلفيات ثقافية مختلفة."
    ),
    "Tukea vanhemmuuteen": "دعم الوالدية",
    "Väestöliitto tukee maahanmuuttajien vanhemmuuden taitoja muun muassa antamalla neuvontaa "
    "perhe-elämään ja vanhemmuuteen liittyvissä kysymyksissä sekä tuottamalla erikielisiä "
    "lastenkasvatusvihkoja ja muita kotoutumiseen ja monikulttuurisuuteen liittyviä "
    "materiaaleja.": (
        "تدعم Väestöliitto مهارات الوالدية لدى المهاجرين بطرق منها تقديم المشورة في المسائل "
        "المتعلقة بالحياة الأسرية والوالدية، وإصدار كتيبات لتربية الأطفال بلغات مختلفة ومواد أخرى "
        "عن الاندماج والتعددية الثقافية."
    ),
    "Järjestö kehittää vanhemmuutta tukevia ryhmätoimintamalleja ja tuottaa oppaat niiden "
    "ohjaajille. Väestöliitto järjestää myös erikielisiä työpajoja ja seminaareja "
    "maahanmuuttajavanhemmille.": (
        "تطوّر المنظمة نماذج لأنشطة جماعية تدعم الوالدية، وتعدّ أدلة لمن يقودونها. كما تنظّم "
        "Väestöliitto ورش عمل وندوات بلغات مختلفة للآباء والأمهات المهاجرين."
    ),
    "Työn kautta maahanmuuttajien kanssa keskustellaan esimerkiksi perheenjäsenten roolin "
    "muuttumisesta maahanmuuton seurauksena, lasten koulunkäynnin vaikeuksista, "
    "huoltajuuskysymyksistä erotilanteissa sekä tasa-arvosta ja seksuaalioikeuksista "
    "lähisuhteessa.": (
        "ومن خلال هذا العمل يجري الحديث مع المهاجرين مثلًا عن تغيّر أدوار أفراد الأسرة بعد "
        "الهجرة، وصعوبات الأطفال في المدرسة، ومسائل الحضانة عند الانفصال، والمساواة والحقوق "
        "الجنسية في العلاقات الحميمة."
    ),
    "Lapsen kasvattaminen kulttuurissa, jossa ei itse ole kasvanut askarruttaa montaa "
    "maahanmuuttajataustaista vanhempaa. Myös esimerkiksi koulun erilaiset tukimuodot voivat olla "
    "heille käsitteinä aivan vieraita.": (
        "تشغل تربية الطفل في ثقافة لم ينشأ فيها الوالدان أنفسهما بالَ كثير من الآباء والأمهات من "
        "خلفيات مهاجرة. وقد تكون أشكال الدعم المختلفة في المدرسة، مثلًا، مفاهيم غريبة عليهم تمامًا."
    ),
    "Womento-työuramentorointi": "الإرشاد المهني Womento",
    "Väestöliitto on parantanut erityisesti maahanmuuttajanaisten työelämäosallisuutta ja "
    "-taitoja Womento-työuramentoroinnin avulla. Toiminnassa mentori tutustuttaa "
    "maahanmuuttajanaisen suomalaiseen työkulttuuriin ja auttaa häntä tekemään ansioluettelon ja "
    "mallihakemuksen työnhakua varten. Useat toimintaan osallistuneet ovat löytäneet koulutustaan "
    "vastaavaa työtä ja laajentaneet ammattialan verkostojaan.": (
        "حسّنت Väestöliitto من خلال الإرشاد المهني Womento مشاركة النساء المهاجرات في سوق العمل "
        "ومهاراتهن فيه على وجه الخصوص. في هذا النشاط تعرّف المرشدةُ المرأةَ المهاجرة بثقافة العمل "
        "الفنلندية، وتساعدها في إعداد سيرة ذاتية ونموذج لطلب عمل. وقد وجدت كثيرات من المشاركات "
        "عملًا يناسب تعليمهن ووسّعن شبكاتهن المهنية."
    ),
    "Vertaisryhmäohjaajien koulutuksia on järjestetty vuodesta 2004 lähtien parille sadalle "
    "järjestövapaaehtoiselle ja ammattilaiselle. Lisäksi Väestöliitto on kouluttanut noin "
    "kymmenen muuta järjestöä ja koulutuksen järjestäjää toteuttamaan "
    "Womento-työuramentorointia.": (
        "ومنذ عام 2004 نُظّمت دورات تدريبية لقادة مجموعات الأقران لنحو مئتي متطوع ومختص في "
        "المنظمات. كما درّبت Väestöliitto نحو عشر منظمات وجهات تدريب أخرى على تنفيذ الإرشاد "
        "المهني Womento."
    ),
    # the workshop
    "Womento-mentorointityöpaja": "ورشة الإرشاد المهني Womento",
    "Kalevankatu 16, 00100 Helsinki": "Kalevankatu 16, 00100 Helsinki",
    "Mentoreiksi aikovat ja mentorointia järjestävät": "الراغبون في أن يصبحوا مرشدين ومنظّمو الإرشاد",
    "Työpajassa tutustutaan Womento-työuramentorointiin, joka on parantanut erityisesti "
    "maahanmuuttajanaisten työelämäosallisuutta ja -taitoja.": (
        "نتعرّف في الورشة على الإرشاد المهني Womento الذي حسّن مشاركة النساء المهاجرات في سوق "
        "العمل ومهاراتهن فيه على وجه الخصوص."
    ),
    "Työpajassa harjoitellaan mentorointikeskustelua ja kuullaan mentoreiden ja aktorien "
    "kokemuksia. Ennakkotietoja ei tarvita.": (
        "نتدرّب في الورشة على حوار الإرشاد، ونستمع إلى تجارب المرشدات والمشاركات فيه. لا تلزم أي "
        "معرفة مسبقة."
    ),
    # the regional meeting
    "Lapin ja Pohjois-Pohjanmaan alueellinen verkostotapaaminen": (
        "اللقاء الإقليمي للشبكة في لابلاند وشمال أوستروبوثنيا"
    ),
    "Oulun pääkirjasto": "مكتبة أولو الرئيسية",
    "Kaarlenväylä 3, 90100 Oulu": "Kaarlenväylä 3, 90100 Oulu",
    "Lapin ja Pohjois-Pohjanmaan järjestöt, kunnat ja seurakunnat": (
        "المنظمات والبلديات والأبرشيات في لابلاند وشمال أوستروبوثنيا"
    ),
    "Pohjoisen verkoston jäsenet tapaavat Oulussa: miten järjestöt, kunnat ja seurakunnat "
    "tukevat maahanmuuttajaperheitä pitkien välimatkojen alueella.": (
        "يلتقي أعضاء الشبكة في الشمال في أولو: كيف تدعم المنظمات والبلديات والأبرشيات الأسر "
        "المهاجرة في منطقة تتباعد فيها المسافات؟"
    ),
    "Tapaamisessa kuullaan Meri-Lapin äitien järjestölähtöisen kotoutumisen kokemuksista ja "
    "Oulun Perhe Yhtenäiseksi -työskentelystä. Lopuksi sovitaan alueen yhteisistä "
    "tapahtumista.": (
        "نستمع في اللقاء إلى تجارب مشروع اندماج أمهات لابلاند الساحلية بمبادرة من المنظمات، وإلى "
        "عمل Perhe Yhtenäiseksi في أولو. وفي الختام نتفق على الفعاليات المشتركة في المنطقة."
    ),
}


def arabic_texts():
    """{Finnish text: {"ar": translation}} for the pages of ``arabic_blog_and_events``."""
    texts = {source: {"ar": text} for source, text in ARABIC.items()}
    for already in (LOCALIZED, SETTLEMENT_IN_ARABIC):
        texts |= {source: {"ar": by["ar"]} for source, by in already.items() if "ar" in by}
    return texts


@demo_step(98)
def arabic_blog_and_events(builder):
    """After the organisations exist in Arabic (step 95)."""
    builder.localize_pages(
        [
            "blogi",
            "osaksi-suomalaista-yhteiskuntaa",
            "tapahtumat",
            "womento-mentorointityopaja-2027",
            "alueellinen-verkostotapaaminen-oulu-2027",
        ],
        arabic_texts(),
    )
