"""The taxonomies in the languages the network's clients read.

The migrations seed topics, audiences, integration stages and target groups in Finnish,
Swedish and English; the demo translates each term into Arabic, Farsi, Somali, Ukrainian
and Russian the way a translator does in the admin: a copy for the locale (same slug and
translation key) with the translated name."""

from wagtail.models import Locale

from demo.builder import configured, demo_step
from materials.models import Audience, Topic
from network.models import IntegrationStage, TargetGroup

LANGUAGES = ["ar", "fa", "so", "uk", "ru"]

# slug: names in LANGUAGES' order
TOPICS = {
    "kotoutuminen": ("الاندماج", "ادغام", "Is-dhexgalka", "Інтеграція", "Интеграция"),
    "vanhemmuus": (
        "الأبوة والأمومة والتربية",
        "فرزندپروری و تربیت",
        "Waalidnimada iyo barbaarinta",
        "Батьківство і виховання",
        "Родительство и воспитание",
    ),
    "tyoelama": (
        "الحياة العملية والإرشاد المهني",
        "زندگی کاری و مربیگری",
        "Nolosha shaqada iyo hagidda",
        "Робота і наставництво",
        "Работа и наставничество",
    ),
    "kieli": ("تعلّم اللغة", "یادگیری زبان", "Barashada luqadda", "Вивчення мови", "Изучение языка"),
    "vertaistuki": (
        "دعم الأقران والأنشطة الجماعية",
        "حمایت همتایان و فعالیت گروهی",
        "Taageerada asaagga iyo kooxaha",
        "Підтримка рівних і групи",
        "Поддержка равных и группы",
    ),
    "tasa-arvo": (
        "المساواة والحقوق الجنسية",
        "برابری و حقوق جنسی",
        "Sinnaanta iyo xuquuqda galmada",
        "Рівність і сексуальні права",
        "Равенство и сексуальные права",
    ),
    "vapaaehtoistoiminta": (
        "العمل التطوعي",
        "فعالیت داوطلبانه",
        "Tabarrucnimada",
        "Волонтерство",
        "Волонтёрство",
    ),
    "jarjestoyhteistyo": (
        "التعاون بين المنظمات",
        "همکاری میان سازمان‌ها",
        "Iskaashiga ururada",
        "Співпраця організацій",
        "Сотрудничество организаций",
    ),
    "perhetyo": (
        "العمل مع الأسر",
        "کار با خانواده‌ها",
        "Shaqada qoyska",
        "Робота з сім'ями",
        "Работа с семьями",
    ),
}
AUDIENCES = {
    "maahanmuuttajat": ("المهاجرون", "مهاجران", "Soo-galootiga", "Іммігранти", "Иммигранты"),
    "vanhemmat": ("الآباء والأمهات", "والدین", "Waalidiinta", "Батьки", "Родители"),
    "ammattilaiset": ("المهنيون", "متخصصان", "Xirfadlayaasha", "Фахівці", "Специалисты"),
    "vapaaehtoiset": ("المتطوعون", "داوطلبان", "Tabarrucayaasha", "Волонтери", "Волонтёры"),
    "ohjaajat": (
        "ميسّرو المجموعات",
        "راهنمایان گروه",
        "Hagayaasha kooxaha",
        "Керівники груп",
        "Руководители групп",
    ),
    "opettajat": ("المعلمون", "معلمان", "Macallimiinta", "Вчителі", "Учителя"),
    "jarjestot": ("المنظمات", "سازمان‌ها", "Ururada", "Організації", "Организации"),
}
STAGES = {
    "saapuminen": (
        "الوصول إلى فنلندا",
        "ورود به فنلاند",
        "Imaanshaha Finland",
        "Прибуття до Фінляндії",
        "Прибытие в Финляндию",
    ),
    "alkuvaihe": (
        "المرحلة الأولى والتقييم الأولي",
        "مرحله آغازین و ارزیابی اولیه",
        "Marxaladda hore iyo qiimaynta",
        "Початковий етап і оцінювання",
        "Начальный этап и оценка",
    ),
    "kotoutumiskoulutus": (
        "التدريب على الاندماج ودراسة اللغة",
        "آموزش ادغام و یادگیری زبان",
        "Tababarka is-dhexgalka iyo barashada luqadda",
        "Інтеграційне навчання і вивчення мови",
        "Интеграционное обучение и изучение языка",
    ),
    "tyo-ja-opiskelu": (
        "العمل والدراسة والتدريب العملي",
        "کار، تحصیل و کارآموزی",
        "Shaqo, waxbarasho iyo tababar",
        "Робота, навчання і стажування",
        "Работа, учёба и стажировка",
    ),
    "osallistuminen": (
        "المشاركة والشبكات",
        "مشارکت و شبکه‌ها",
        "Ka-qaybgalka iyo shabakadaha",
        "Участь і мережі",
        "Участие и сети",
    ),
    "vakiintunut": (
        "حياة مستقرة في فنلندا",
        "زندگی تثبیت‌شده در فنلاند",
        "Nolol degan oo Finland ah",
        "Усталене життя у Фінляндії",
        "Устоявшаяся жизнь в Финляндии",
    ),
}
TARGET_GROUPS = {
    "naiset": ("النساء", "زنان", "Haweenka", "Жінки", "Женщины"),
    "aidit": ("الأمهات", "مادران", "Hooyooyinka", "Матері", "Матери"),
    "perheet": ("الأسر", "خانواده‌ها", "Qoysaska", "Сім'ї", "Семьи"),
    "lapset": ("الأطفال", "کودکان", "Carruurta", "Діти", "Дети"),
    "nuoret": ("الشباب", "جوانان", "Dhallinyarada", "Молодь", "Молодёжь"),
    "miehet": ("الرجال", "مردان", "Ragga", "Чоловіки", "Мужчины"),
    "ikaantyneet": (
        "كبار السن",
        "سالمندان",
        "Dadka waayeelka ah",
        "Люди похилого віку",
        "Пожилые люди",
    ),
    "tyottomat": (
        "العاطلون عن العمل",
        "بیکاران",
        "Dadka shaqo la'aanta ah",
        "Безробітні",
        "Безработные",
    ),
    "turvapaikanhakijat": (
        "طالبو اللجوء",
        "پناه‌جویان",
        "Magangalyo-doonka",
        "Шукачі притулку",
        "Лица, ищущие убежища",
    ),
    "pakolaiset": ("اللاجئون", "پناهندگان", "Qaxootiga", "Біженці", "Беженцы"),
    "ammattilaiset": (
        "المهنيون والمتطوعون",
        "متخصصان و داوطلبان",
        "Xirfadlayaasha iyo tabarrucayaasha",
        "Фахівці та волонтери",
        "Специалисты и волонтёры",
    ),
}
TAXONOMIES = [
    (Topic, TOPICS),
    (Audience, AUDIENCES),
    (IntegrationStage, STAGES),
    (TargetGroup, TARGET_GROUPS),
]


@demo_step(12)
def taxonomies_in_clients_languages(builder):
    for code in configured(LANGUAGES):
        locale = Locale.objects.get(language_code=code)
        column = LANGUAGES.index(code)
        for model, names in TAXONOMIES:
            for source in model.objects.filter(locale=Locale.get_default(), slug__in=names):
                name = names[source.slug][column]
                term = source.get_translation_or_none(locale) or source.copy_for_translation(locale)
                if term.pk is None or term.name != name:
                    term.name = name
                    term.save()
                    builder.log(f"translated the term {source.slug} into {code}")
