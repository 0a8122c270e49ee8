"""Codebook 1.10, the paraphrase pass: the common ways writers tell each event type that the codebook did not list —
verbs and their aspects, slang ("самоволка", "поставили на подвал", "зиндан"), passives ("был избит", "змушено
підписати"), hyphenated spellings ("видео-обращение"), criminal-code articles, nominalised headlines — with the near
misses each must leave alone (civilians, sport, memorial days, officials' addresses, footage of a destroyed tank).
Every sentence is written for these tests, in ru, uk and en."""

from __future__ import annotations

import pytest
from extract_helpers import verdict

_extract = verdict


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # appeal: said in their video, a cry for help, a complaint to an office, a petition filed, a letter to an
        # outlet, a hyphenated spelling, help asked of an ombudsman
        ("Мобилизованные из Челябинска в видео заявили, что их бросили без связи и воды.", "ru", "appeal"),
        (
            "Мобилизованные из Курской области взывают о помощи: их третий месяц держат на передовой без смены.",
            "ru",
            "appeal",
        ),
        ("Контрактники из 155-й бригады направили жалобу в приёмную президента.", "ru", "appeal"),
        (
            "Матери срочников подали петицию в Минобороны с требованием вернуть сыновей из Курской области.",
            "ru",
            "appeal",
        ),
        ("Мобилизованные из Оренбурга написали в редакцию, что их полгода держат без отпуска.", "ru", "appeal"),
        ("Мобилизованные из 1-го полка записали видео-обращение к губернатору.", "ru", "appeal"),
        ("Мобілізовані з Полтавщини у відео заявили, що їх залишили без води.", "uk", "appeal"),
        ("Дружини бійців 24-ї бригади зареєстрували петицію про демобілізацію.", "uk", "appeal"),
        ("Військові 59-ї бригади записали відео-звернення до президента.", "uk", "appeal"),
        ("Russian soldiers from the Storm battalion turned to the ombudsman for help.", "en", "appeal"),
        ("Relatives of mobilised men launched a petition asking the president to rotate them home.", "en", "appeal"),
        ("Mobilised soldiers from Omsk sent out a cry for help from the front.", "en", "appeal"),
        ("Матери мобилизованных из Перми написали в Минобороны: их сыновей держат без ротации год.", "ru", "appeal"),
        ("Дружини бійців 24-ї бригади написали до Міноборони з проханням про ротацію.", "uk", "appeal"),
        ("Wives of mobilised men from Perm wrote to the defence ministry asking for rotation.", "en", "appeal"),
        (
            "A mobilised soldier spoke out on social media about being sent to assaults without training.",
            "en",
            "appeal",
        ),
        # refusal: an order not obeyed or ignored, not starting to advance, the criminal code's article
        ("Десантники не подчинились приказу о штурме Крынок.", "ru", "refusal"),
        ("Мобилизованные из Курска не выполнили приказ занять позиции у Работино.", "ru", "refusal"),
        ("Мобилизованные из Тулы не стали выходить на позиции без поддержки.", "ru", "refusal"),
        ("Мобілізовані з Рівного не підкорилися наказу вийти на позиції.", "uk", "refusal"),
        ("Військовослужбовці 3-ї роти не виконали бойовий наказ і залишилися в тилу.", "uk", "refusal"),
        ("Troops of the 4th company ignored an order to advance on the village.", "en", "refusal"),
        ("Russian conscripts in Kursk region balked at orders to attack.", "en", "refusal"),
        ("Soldiers of the 110th brigade declined to take part in the offensive.", "en", "refusal"),
        ("Отказ мобилизованных от штурма: под Кременной задержаны сорок человек из 1-го полка.", "ru", "refusal"),
        (
            "Відмова мобілізованих від штурму: під Кліщіївкою затримали двадцять бійців 3-го батальйону.",
            "uk",
            "refusal",
        ),
        # desertion: "самоволка", positions left without an order, a training ground fled, not reporting to the unit,
        # the criminal code's article, a temporary base left, a country's deserter
        ("Двое мобилизованных ушли с позиций без приказа и вернулись домой в Саратов.", "ru", "desertion"),
        ("Контрактник ушел в самоволку и месяц прятался у матери.", "ru", "desertion"),
        ("Военнослужащий самовольно убыл из пункта временной дислокации.", "ru", "desertion"),
        ("Военнослужащего, сбежавшего с полигона, задержали в Ростове.", "ru", "desertion"),
        ("Контрактник 1-го полка не явился в часть после отпуска, его объявили в розыск.", "ru", "desertion"),
        ("На мобилизованного из Брянска завели дело по статье 337.", "ru", "desertion"),
        ("Двое контрактников сбежали из ПВД под Луганском.", "ru", "desertion"),
        ("Контрактник из 1-го полка не вернулся с побывки домой, его ищут.", "ru", "desertion"),
        ("Мобилизованные из Липецка массово сбегают из части, рассказали их родственники.", "ru", "desertion"),
        ("Мобилизованный из Уфы уехал в Казахстан, чтобы не возвращаться на фронт после отпуска.", "ru", "desertion"),
        ("Боєць 10-ї бригади не повернувся після відпустки і переховується у родичів.", "uk", "desertion"),
        ("A Ukrainian soldier did not return after leave and is hiding at relatives'.", "en", "desertion"),
        ("Військовий 10-ї бригади пішов у самоволку.", "uk", "desertion"),
        ("Двоє мобілізованих втекли з навчального центру на Рівненщині.", "uk", "desertion"),
        ("Військовий 10-ї бригади не з'явився до частини після лікування.", "uk", "desertion"),
        ("Російський дезертир з Перму дістався Бішкека і просить не видавати його.", "uk", "desertion"),
        ("Two mobilised soldiers walked off their positions without orders and went home.", "en", "desertion"),
        ("A Ukrainian soldier left his post without permission and hid at his parents' house.", "en", "desertion"),
        ("A Russian contract soldier failed to report to his unit after leave.", "en", "desertion"),
        ("A Russian contract soldier absconded from his unit near Luhansk.", "en", "desertion"),
        ("Трое штурмовиков «Шторм Z» сбежали с позиций и сдались полиции в Ростове.", "ru", "desertion"),
        # protest: flowers laid or a flash mob with a demand, a hunger strike, taking to the streets
        ("Родственники мобилизованных возложили цветы к Вечному огню, требуя вернуть мужей домой.", "ru", "protest"),
        ("Жёны мобилизованных провели флешмоб у стен Кремля с требованием демобилизации.", "ru", "protest"),
        ("Мобилизованные из Чувашии объявили голодовку, требуя выплат.", "ru", "protest"),
        ("Дружини мобілізованих поклали квіти до Вічного вогню з вимогою демобілізації.", "uk", "protest"),
        ("Мобілізовані оголосили голодування через невиплату грошового забезпечення.", "uk", "protest"),
        (
            "Wives of mobilised soldiers laid flowers at the eternal flame demanding their husbands' return.",
            "en",
            "protest",
        ),
        ("Mobilised men from Chuvashia went on hunger strike over unpaid wages.", "en", "protest"),
        ("Relatives of mobilised men took to the streets in Novosibirsk demanding rotation.", "en", "protest"),
        ("Родственники мобилизованных перегородили дорогу к штабу округа.", "ru", "protest"),
        ("Жёны мобилизованных приехали в Москву и пришли к приёмной Минобороны.", "ru", "protest"),
        ("Рідні мобілізованих перегородили дорогу біля ТЦК, вимагаючи відпустити чоловіків.", "uk", "protest"),
        (
            "Mothers of conscripts stood outside the gates of the unit until evening demanding their sons' release.",
            "en",
            "protest",
        ),
        # abuse: "поставили на подвал", a zindan, beaten to death, the short passive, leave sold, pay and bank cards
        # taken, the wounded sent to the front line again
        ("Командир роты поставил на подвал троих мобилизованных за пьянку.", "ru", "abuse"),
        ("Командиры в 4-й бригаде посадили мобилизованных в зиндан.", "ru", "abuse"),
        ("Солдата 3-й бригады забили до смерти сослуживцы.", "ru", "abuse"),
        ("Мобилизованный был избит командиром роты и попал в госпиталь.", "ru", "abuse"),
        ("Офицеры 5-й бригады продают отпуска мобилизованным за двести тысяч рублей.", "ru", "abuse"),
        ("Командир роты забирает у подчинённых боевые выплаты.", "ru", "abuse"),
        ("Раненых бойцов 1-го полка снова отправили на передовую без лечения.", "ru", "abuse"),
        ("Командир роти поставив на підвал трьох мобілізованих.", "uk", "abuse"),
        ("Військовий був побитий командиром роти після повернення з позицій.", "uk", "abuse"),
        ("Бійців 3-го батальйону замкнено в підвалі командиром.", "uk", "abuse"),
        ("Командир батальйону відбирав у підлеглих банківські картки з виплатами.", "uk", "abuse"),
        ("Командир роты выбил зубы мобилизованному за опоздание на построение.", "ru", "abuse"),
        ("Командир роти зламав щелепу мобілізованому.", "uk", "abuse"),
        ("Жена мобилизованного рассказала о жестоком обращении командиров с бойцами 1-го батальона.", "ru", "abuse"),
        (
            "Relatives say mobilised men of the 3rd battalion face systematic mistreatment by their commanders.",
            "en",
            "abuse",
        ),
        ("Officers of the 5th brigade sold leave to mobilised men for 200,000 roubles.", "en", "abuse"),
        ("A commander threw the wounded soldiers back into assaults.", "en", "abuse"),
        ("Командиры заставляют мобилизованных платить за возможность не идти в штурм.", "ru", "abuse"),
        ("Командири змушують мобілізованих платити за право не йти на штурм.", "uk", "abuse"),
        ("Commanders make mobilised men pay to be spared from assaults.", "en", "abuse"),
        ("Комбат заставлял мобилизованных рыть окопы под обстрелом в наказание.", "ru", "abuse"),
        ("Soldiers of the 3rd brigade were held in a hole in the ground for days by their commanders.", "en", "abuse"),
        # coercion: a contract offered "or else", taken to the enlistment office after a raid, prisoners recruited (the
        # object first, in the СИЗО), a forged signature, the impersonal passive, under duress, duped, compelled
        ("Срочникам в Курской области предложили подписать контракт, иначе их отправят в штурм.", "ru", "coercion"),
        ("Мигрантов в Москве после рейда отвезли в военкомат и подписали с ними контракты.", "ru", "coercion"),
        ("Должников по алиментам в Казани принуждают подписывать контракты с армией.", "ru", "coercion"),
        ("Заключённых в колониях Мордовии вербуют в «Шторм Z».", "ru", "coercion"),
        ("Подозреваемых в СИЗО вербуют в штурмовые отряды.", "ru", "coercion"),
        ("Срочнику из Тулы подделали подпись в контракте с Минобороны.", "ru", "coercion"),
        ("Строковикам запропонували підписати контракт, інакше їх відправлять на штурм.", "uk", "coercion"),
        ("Строковика було змушено підписати контракт.", "uk", "coercion"),
        ("Строковику підробили підпис у контракті з Міноборони РФ.", "uk", "coercion"),
        ("Строковиків примушують переходити на контракт під загрозою відправки на фронт.", "uk", "coercion"),
        ("Затриманим пропонують закрити справу в обмін на контракт з армією.", "uk", "coercion"),
        ("Мобилизованных из Тулы развели на контракт, пообещав выплаты.", "ru", "coercion"),
        ("Задержанным за хулиганство предлагают закрыть дело в обмен на контракт с Минобороны.", "ru", "coercion"),
        ("Вербовщики приезжали в колонию под Саратовом и обещали заключённым помилование.", "ru", "coercion"),
        ("Detained men were offered to drop the charges in exchange for signing an army contract.", "en", "coercion"),
        ("Ukrainian men in occupied Melitopol were forcibly conscripted into the Russian army.", "en", "coercion"),
        ("Срочникам говорят, что без контракта их не отпустят домой.", "ru", "coercion"),
        ("Срочников шантажируют уголовными делами и заставляют подписать контракт.", "ru", "coercion"),
        ("Conscripts are being blackmailed with criminal cases into signing contracts.", "en", "coercion"),
        ("A conscript signed a contract under duress after his commander threatened him.", "en", "coercion"),
        ("Indian men were tricked into joining the Russian army with promises of jobs.", "en", "coercion"),
        ("Foreign students were duped into signing contracts with the Russian army.", "en", "coercion"),
        ("A conscript was compelled to sign a contract with the defence ministry.", "en", "coercion"),
    ],
)
def test_a_paraphrase_tells_its_type(text: str, lang: str, expected: str) -> None:
    relevant, kind = _extract(text)
    assert relevant, f"{lang}: not relevant"
    assert kind == expected


@pytest.mark.parametrize(
    "text",
    [
        # civilians, sport and pets told in the same words
        "Блогер прислал в редакцию видео с концерта в Лужниках.",
        "Жители Бердска подали петицию против вырубки парка.",
        "Читатель написал в редакцию, что во дворе не убирают снег.",
        "Пенсионерка объявила голодовку у здания суда.",
        "Кот ушел в самоволку и вернулся через неделю.",
        "Футболист не подчинился решению судьи и был удалён.",
        "Водитель не выполнил требование остановиться и скрылся.",
        "Магазин продаёт отпуска в Турцию со скидкой.",
        "Мошенники подделали подпись пенсионерки в договоре займа.",
        "Грабители отобрали у пенсионера банковскую карту.",
        "Банк предложил подписать договор, иначе кредит не одобрят.",
        "Мешканці Києва зареєстрували петицію про перейменування вулиці.",
        "Студент утік з навчального центру англійської мови.",
        "Шахраї підробили підпис на договорі кредиту.",
        "Fans launched a petition to bring back the cancelled TV show.",
        "The striker ignored the coach's orders and was benched.",
        "A pensioner went on hunger strike outside the court.",
        "Fraudsters forged his signature on a loan agreement.",
        "An employee failed to report for duty at the factory.",
        # memorial days, officials' addresses and soldiers' footage: no grievance
        "Школьники возложили цветы к Вечному огню в День Победы.",
        "Военнослужащие 1-го полка возложили цветы к Вечному огню в День Победы.",
        "Военнослужащие 1-го полка провели флешмоб ко Дню Победы.",
        "Министр обороны записал видеообращение к военнослужащим по случаю Дня защитника Отечества.",
        "Мобилизованные из Бурятии рассказали на камеру, как готовятся к Новому году.",
        "Военные прислали в редакцию видео уничтожения танка.",
        "Військові 47-ї бригади розповіли на камеру про знищення російського танка.",
        "Бійці 3-ї штурмової бригади надіслали відео знищення ворожої техніки.",
        "Veterans laid flowers at the war memorial on Victory Day.",
        "Soldiers of the 47th brigade said on camera that the counteroffensive was going well.",
        "Soldiers of the 3rd brigade sent a video of a destroyed tank to the channel.",
        # history and a footballer "deserter"
        "В 1943 году бойцы дивизии оставили позиции без приказа, пишет историк.",
        "Болельщики назвали полузащитника дезертиром после его перехода в другой клуб.",
        # a general staff's decision not to attack is no refusal; injuries in an accident are no abuse
        "Отказ ВСУ от наступления под Запорожьем аналитики объясняют нехваткой резервов.",
        "Відмова ЗСУ від наступу на півдні пояснюється нестачею техніки, кажуть аналітики.",
        "Командир роты сломал ногу при падении с брони.",
        "Мобилизованные получили отпуск и уехали домой на побывку.",
        # a punishment by a court of the past, a school, a state; propaganda's claim of troops fleeing
        "Суд в наказание за дезертирство в 1941 году приговорил его к расстрелу, пишет историк.",
        "Россия в наказание за поставки оружия ввела санкции против Германии.",
        "Ukrainian troops fled their positions under heavy shelling, Russian propaganda claims.",
        # blackmail alone is anyone's (a spy service, propaganda's claim)
        "Украинские спецслужбы шантажируют родственников российских военных, утверждает пропаганда.",
        # units that will have to leave a town retreat; they do not desert
        "Украинские военные блоги пишут, что скоро украинским частям придется уходить из города.",
    ],
)
def test_a_near_miss_stays_irrelevant(text: str) -> None:
    relevant, _ = _extract(text)
    assert not relevant


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the refusers held in a basement stay a refusal; a beating for refusing to pay stays abuse
        ("Отказников из 1-го полка держат в подвале в Зайцево.", "refusal"),
        ("Мобилизованный был избит командиром роты за отказ платить.", "abuse"),
        # a sentence for leaving the unit stays a desertion, its "в наказание" notwithstanding
        ("Контрактник получил пять лет колонии в наказание за СОЧ.", "desertion"),
        # a complaint on camera about the wounded sent back stays an appeal
        (
            "Мобилизованные из Бурятии записали видеообращение к Путину: раненых отправляют обратно на передовую.",
            "appeal",
        ),
    ],
)
def test_a_paraphrase_keeps_the_type_of_its_event(text: str, expected: str) -> None:
    relevant, kind = _extract(text)
    assert relevant and kind == expected
