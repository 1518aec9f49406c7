"""Demo content for the newsroom site.

Plain data only: wire agencies, sections and articles, all invented for the demo. Every
person, agency, company, club and wrestler named here is fictional. The loader turns these
records into Wagtail pages; paragraph text is plain and is HTML-escaped by the loader.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class SourceData:
    """A wire agency whose copy the site republishes under licence."""

    name: str
    rights_holder: str
    usage_terms: str


@dataclass(frozen=True)
class SectionData:
    """A top-level section of the site."""

    slug: str
    title: str
    intro: str


@dataclass(frozen=True)
class ArticleData:
    """One news article with its lead picture.

    ``body`` is a sequence of ``("paragraph", text)`` or ``("quote", text)`` blocks;
    ``quote_attributions`` gives one attribution per ``"quote"`` block, in order.
    ``source`` names a :class:`SourceData` for wire copy, or is ``None`` for staff copy.
    ``image`` is a scene name from :mod:`newsroom.demo.news_photos`.
    """

    slug: str
    section: str
    title: str
    standfirst: str
    byline: str
    source: str | None
    hours_ago: int
    image: str
    image_alt: str
    caption: str
    credit: str
    body: tuple[tuple[str, str], ...]
    quote_attributions: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()


PACIFIC_WIRE = "Pacific Wire Service"
MERIDIAN = "Meridian News Agency"


SOURCES: tuple[SourceData, ...] = (
    SourceData(
        name=PACIFIC_WIRE,
        rights_holder=PACIFIC_WIRE,
        usage_terms="This material may not be published, broadcast, rewritten or redistributed.",
    ),
    SourceData(
        name=MERIDIAN,
        rights_holder="Meridian News Agency Ltd.",
        usage_terms=(
            "Licensed to subscribers for online publication with attribution. Not for "
            "resale, syndication or archiving beyond 30 days."
        ),
    ),
)

"""The wire agencies whose copy appears on the site."""

SECTIONS: tuple[SectionData, ...] = (
    SectionData(
        slug="politics",
        title="Politics",
        intro="The Diet, the cabinet, local government and Japan's place in the world.",
    ),
    SectionData(
        slug="national",
        title="National",
        intro="News from across the archipelago, from big cities to remote islands.",
    ),
    SectionData(
        slug="business",
        title="Business",
        intro="Markets, companies, prices and the economy that shapes daily life.",
    ),
    SectionData(
        slug="sports",
        title="Sports",
        intro="Baseball, sumo, football and everything else worth cheering for.",
    ),
)

"""The four sections, in navigation order."""

ARTICLES: tuple[ArticleData, ...] = (
    ArticleData(
        slug="ministers-pledge-closer-defence-ties-at-two-plus-two-talks",
        section="politics",
        title='Japan, Australia pledge closer defence ties at "two-plus-two" talks in Tokyo',
        standfirst=(
            "Foreign and defence ministers agreed to expand joint exercises, share more "
            "maritime surveillance data and speed up work on an equipment pact."
        ),
        byline=PACIFIC_WIRE,
        source=PACIFIC_WIRE,
        hours_ago=2,
        image="meeting",
        image_alt=(
            "Illustration: four people in dark suits stand in a row in front of a "
            "panelled wall lined with Japanese and Australian flags."
        ),
        caption=(
            "From left, Australian Defence Minister Marcus Whitfield, Australian "
            "Foreign Minister Claire Donnelly, Japanese Foreign Minister Mitsuko "
            "Hanazawa and Defence Minister Tatsuya Morioka pose for a photo before "
            "their meeting at the Iikura Guest House in Tokyo on Saturday."
        ),
        credit="Pacific Wire pool photo",
        body=(
            (
                "paragraph",
                (
                    "TOKYO (Pacific Wire) — Japan and Australia agreed on Saturday to deepen "
                    "their security cooperation, pledging to expand joint military exercises "
                    "and share more maritime surveillance data, as their foreign and defence "
                    'ministers met in Tokyo for the first "two-plus-two" talks in nearly two '
                    "years."
                ),
            ),
            (
                "paragraph",
                (
                    "Foreign Minister Mitsuko Hanazawa and Defence Minister Tatsuya Morioka "
                    "hosted their Australian counterparts, Foreign Minister Claire Donnelly and "
                    "Defence Minister Marcus Whitfield, for about three hours of talks at the "
                    "Iikura Guest House in central Tokyo."
                ),
            ),
            (
                "paragraph",
                (
                    "In a joint statement issued after the meeting, the four ministers said the "
                    'security environment in the Indo-Pacific had grown "markedly more '
                    'difficult" in recent years and that the two countries would "act together, '
                    'and be seen to act together" to uphold a regional order based on the rule '
                    "of law."
                ),
            ),
            (
                "paragraph",
                (
                    '"Our two countries share values, and increasingly we share the same waters '
                    'and the same risks," Hanazawa told a joint news conference. "Today we '
                    "agreed that our cooperation must move from words on paper to ships and "
                    'aircraft working side by side."'
                ),
            ),
            (
                "quote",
                (
                    "Our cooperation must move from words on paper to ships and aircraft "
                    "working side by side."
                ),
            ),
            (
                "paragraph",
                (
                    "The ministers agreed to increase the number of joint air and naval "
                    "exercises, including a first large-scale amphibious drill in northern "
                    "Australia planned for next year."
                ),
            ),
            (
                "paragraph",
                (
                    "Japan will also station liaison officers at an Australian joint operations "
                    "headquarters on a rotating basis, and the two sides will share data "
                    "gathered by patrol aircraft and surveillance satellites more quickly, "
                    "according to the statement."
                ),
            ),
            (
                "paragraph",
                (
                    "Officials were instructed to conclude within a year negotiations on a "
                    "framework for jointly developing and maintaining defence equipment, "
                    "including unmanned surface vessels and long-range sensors."
                ),
            ),
            (
                "paragraph",
                (
                    '"We are not building an alliance against anyone," Whitfield said. "We are '
                    "building the habits of cooperation that mean, if a crisis comes, our "
                    "forces already know each other's procedures, each other's radios and each "
                    "other's people.\""
                ),
            ),
            (
                "paragraph",
                (
                    "Morioka said deterrence depended as much on trust between partners as on "
                    'hardware. "Deterrence is not only about equipment. It is about showing '
                    'that friends will turn up for each other," he said.'
                ),
            ),
            (
                "paragraph",
                (
                    "The talks come amid concern in both capitals over increased activity by "
                    "foreign coast guard and naval vessels near disputed islands and a series "
                    "of ballistic missile launches in the region in recent months."
                ),
            ),
            (
                "paragraph",
                (
                    'The joint statement expressed "serious concern" about any attempt to '
                    "change the status quo by force or coercion and called for disputes to be "
                    "resolved peacefully in accordance with international law."
                ),
            ),
            (
                "paragraph",
                (
                    "Donnelly said the ministers also discussed economic security, including "
                    "supply chains for critical minerals, of which Australia is a major "
                    'producer. "Security today is as much about the minerals in your phone as '
                    'it is about the ships on the horizon," she said.'
                ),
            ),
            (
                "paragraph",
                (
                    "The two sides agreed to set up a working group on cyber defence and to "
                    "hold a tabletop exercise next spring on protecting undersea communication "
                    "cables."
                ),
            ),
            (
                "paragraph",
                (
                    "Saturday's meeting was the first two-plus-two for Donnelly and Whitfield, "
                    "who took up their posts after a cabinet reshuffle in Canberra earlier this "
                    "year."
                ),
            ),
            (
                "paragraph",
                (
                    "Analysts said the agreement built on a decade of steadily closer ties. "
                    '"Each of these steps looks modest on its own, but taken together they '
                    "confirm Australia as Japan's most important security partner after the "
                    'United States," said Reiko Sugawara, a professor of international security '
                    "at Hoshiura University in Tokyo."
                ),
            ),
            (
                "paragraph",
                (
                    "Whitfield is scheduled to visit a Maritime Self-Defense Force base in "
                    "Yokosuka, Kanagawa Prefecture, on Sunday. The next two-plus-two meeting is "
                    "expected to be held in Australia next year."
                ),
            ),
        ),
        quote_attributions=("Foreign Minister Mitsuko Hanazawa",),
        tags=("defence", "diplomacy", "Australia"),
    ),
    ArticleData(
        slug="diet-enacts-extra-budget-for-energy-relief-and-typhoon-recovery",
        section="politics",
        title="Diet enacts extra budget for energy relief and typhoon recovery",
        standfirst=(
            "The 9.2 trillion yen package extends subsidies on household power and gas "
            "bills through March and sets aside funds to rebuild roads and farms in "
            "southern Kyushu."
        ),
        byline="By Daisuke Kamimura",
        source=None,
        hours_ago=5,
        image="parliament",
        image_alt=(
            "Illustration: a pale stone parliament building with a stepped central "
            "tower, seen across a lawn and trees under a blue sky."
        ),
        caption=(
            "The National Diet Building in Tokyo's Nagatacho district on Friday, when "
            "the upper house gave final approval to the supplementary budget."
        ),
        credit="Staff photo",
        body=(
            (
                "paragraph",
                (
                    "The Diet on Friday enacted a 9.2 trillion yen supplementary budget for the "
                    "current fiscal year, extending subsidies on household electricity and gas "
                    "bills through the winter and funding reconstruction in parts of southern "
                    "Kyushu hit by last month's typhoon."
                ),
            ),
            (
                "paragraph",
                (
                    "The House of Councillors approved the extra budget with the support of the "
                    "ruling coalition and one opposition party, after a debate in which "
                    "opposition lawmakers criticised the government's reliance on new bond "
                    "issuance to pay for it."
                ),
            ),
            (
                "paragraph",
                (
                    "About 3.9 trillion yen will go toward keeping utility bills down until the "
                    "end of March, while 1.4 trillion yen is earmarked for disaster recovery, "
                    "including repairs to roads, river embankments and irrigation channels in "
                    "Kagoshima and Miyazaki prefectures."
                ),
            ),
            (
                "paragraph",
                (
                    "The package also includes money to raise the wages of nursing-care workers "
                    "and subsidies for small businesses that invest in energy-saving equipment."
                ),
            ),
            (
                "paragraph",
                (
                    '"People are worried about the coming winter, and this budget gives them '
                    'certainty," Finance Minister Hideo Tanabe told reporters after the vote. '
                    '"We will keep fiscal discipline in view, but we cannot ask households to '
                    'carry the burden alone."'
                ),
            ),
            (
                "paragraph",
                (
                    "Yukiko Sasamori, leader of the opposition Democratic Reform Party, called "
                    'the subsidies "a temporary painkiller" and renewed her party\'s call for a '
                    "permanent cut in the consumption tax on food."
                ),
            ),
            (
                "paragraph",
                (
                    "Roughly two-thirds of the package will be financed by new government "
                    "bonds, adding to a public debt that already exceeds twice the size of the "
                    "economy."
                ),
            ),
        ),
        tags=("Diet", "budget", "energy"),
    ),
    ArticleData(
        slug="former-doctor-wins-shiga-governor-race",
        section="politics",
        title="Former doctor wins Shiga governor race on pledge to rebuild rural clinics",
        standfirst=(
            "Noriko Hatakeyama, 58, defeated two rivals in a contest dominated by "
            "health care and the future of shrinking lakeside towns."
        ),
        byline="By Haruka Ota",
        source=None,
        hours_ago=9,
        image="street",
        image_alt=(
            "Illustration: a shopping street in the evening, with glowing paper "
            "lanterns, colourful shop awnings and silhouetted people."
        ),
        caption=(
            "Supporters of Noriko Hatakeyama gather on a shopping street near her "
            "campaign office in Otsu, Shiga Prefecture, as election results come in on "
            "Sunday."
        ),
        credit="Staff photo",
        body=(
            (
                "paragraph",
                (
                    "OTSU, Shiga Prefecture — Noriko Hatakeyama, a former hospital doctor "
                    "backed by a cross-party group of local assembly members, won the Shiga "
                    "gubernatorial election on Sunday, promising to reopen clinics in towns "
                    "that have lost their only physician."
                ),
            ),
            (
                "paragraph",
                (
                    "Hatakeyama, 58, received about 312,000 votes, comfortably ahead of former "
                    "prefectural assembly speaker Takao Minegishi, 66, who was backed by the "
                    "national ruling coalition, and Shinji Hirota, 47, a software entrepreneur "
                    "who ran as an independent."
                ),
            ),
            (
                "paragraph",
                (
                    "Turnout was 44.1 percent, up from 38.6 percent at the previous election "
                    "four years ago, according to the prefectural election commission."
                ),
            ),
            (
                "paragraph",
                (
                    '"People in the north of the prefecture told me the same thing again and '
                    'again: when the clinic closes, the young families leave next," Hatakeyama '
                    'told supporters at her campaign office in Otsu. "We are going to reverse '
                    'that."'
                ),
            ),
            (
                "paragraph",
                (
                    "She has pledged to offer housing and research funding to doctors who agree "
                    "to work for at least five years in underserved areas, and to run a fleet "
                    "of mobile clinics around Lake Biwa."
                ),
            ),
            (
                "paragraph",
                (
                    "The defeat of the coalition-backed candidate is likely to be studied "
                    "closely in Tokyo, where ruling party officials are preparing for a string "
                    "of local elections next spring."
                ),
            ),
            (
                "paragraph",
                (
                    'Minegishi conceded shortly after 10 p.m. "The voters have spoken clearly, '
                    'and I will support the new governor wherever our goals overlap," he said.'
                ),
            ),
            (
                "paragraph",
                "Hatakeyama will take office later this month.",
            ),
        ),
        tags=("elections", "local government", "health"),
    ),
    ArticleData(
        slug="cabinet-approval-slips-as-voters-fault-response-to-prices",
        section="politics",
        title="Cabinet approval slips to 34% as voters fault response to rising prices",
        standfirst=(
            "A weekend survey found 52 percent disapprove of Prime Minister Shoichi "
            "Kuroda's government, the highest level since he took office."
        ),
        byline="By Ryo Nishikawa",
        source=None,
        hours_ago=14,
        image="press-conference",
        image_alt=(
            "Illustration: a man in a dark suit speaks at a wooden lectern with a bank "
            "of microphones, beside a Japanese flag, as photographers look on."
        ),
        caption=(
            "Chief Cabinet Secretary Masato Ikegami speaks at a regular news conference "
            "at the prime minister's office in Tokyo on Monday."
        ),
        credit="Staff photo",
        body=(
            (
                "paragraph",
                (
                    "Support for Prime Minister Shoichi Kuroda's cabinet fell to 34 percent in "
                    "a survey conducted over the weekend, down 5 points from last month, as "
                    "voters voiced frustration with the government's handling of rising living "
                    "costs."
                ),
            ),
            (
                "paragraph",
                (
                    "The disapproval rating rose to 52 percent, the highest since Kuroda took "
                    "office 14 months ago, according to the nationwide survey of 1,820 adults "
                    "conducted by telephone and online by this news organisation."
                ),
            ),
            (
                "paragraph",
                (
                    "Asked for the main reason they disapproved, 41 percent cited economic "
                    "policy, followed by 23 percent who said they could not trust the prime "
                    "minister's explanations."
                ),
            ),
            (
                "paragraph",
                (
                    "Only 18 percent of respondents said their household finances had improved "
                    "over the past year, while 47 percent said they had worsened."
                ),
            ),
            (
                "paragraph",
                (
                    "Chief Cabinet Secretary Masato Ikegami told a regular news conference on "
                    'Monday that the government was taking the results "seriously and humbly," '
                    "adding that the newly enacted supplementary budget would help households "
                    '"feel the effect this winter."'
                ),
            ),
            (
                "paragraph",
                (
                    "Support for the governing party stood at 27 percent. The opposition "
                    "Democratic Reform Party was at 9 percent, and 38 percent of respondents "
                    "said they did not support any party."
                ),
            ),
            (
                "paragraph",
                "The margin of error is about plus or minus 2.3 percentage points.",
            ),
        ),
        tags=("polls", "cabinet", "prices"),
    ),
    ArticleData(
        slug="lower-house-panel-approves-free-childcare-bill",
        section="politics",
        title="Lower house panel approves bill to make childcare free for all two-year-olds",
        standfirst=(
            "The bill, expected to clear the chamber next week, would extend free "
            "nursery places to about 870,000 more children from April."
        ),
        byline=MERIDIAN,
        source=MERIDIAN,
        hours_ago=20,
        image="parliament",
        image_alt=(
            "Illustration: a grey stone parliament building with a central tower, "
            "framed by trees under a pale sky."
        ),
        caption=(
            "The National Diet Building in Tokyo, where a House of Representatives "
            "committee approved the childcare bill on Wednesday."
        ),
        credit="Meridian News Agency photo",
        body=(
            (
                "paragraph",
                (
                    "TOKYO (Meridian) — A House of Representatives committee on Wednesday "
                    "approved a bill that would make nursery school and other licensed "
                    "childcare free for all two-year-olds, extending a programme that currently "
                    "covers children aged three to five."
                ),
            ),
            (
                "paragraph",
                (
                    "The bill, passed by the health, labour and welfare committee with the "
                    "support of the ruling coalition and two opposition parties, is expected to "
                    "be approved at a plenary session of the lower house next week before being "
                    "sent to the House of Councillors."
                ),
            ),
            (
                "paragraph",
                (
                    "The government estimates that about 870,000 additional children would "
                    "become eligible from April, at an annual cost of about 410 billion yen."
                ),
            ),
            (
                "paragraph",
                (
                    "Aiko Shimamura, the minister for children and families, told the committee "
                    "the measure was intended to ease the financial burden on young couples, "
                    "which surveys show is a leading reason they have fewer children than they "
                    "would like."
                ),
            ),
            (
                "paragraph",
                (
                    '"Every family should be able to choose childcare without first checking '
                    'whether they can afford it," Shimamura said.'
                ),
            ),
            (
                "paragraph",
                (
                    "Some opposition lawmakers argued the money would be better spent on "
                    "raising childcare workers' pay, noting that many cities still have waiting "
                    "lists for nursery places. The bill includes a nonbinding clause calling on "
                    "the government to review staff salaries within two years."
                ),
            ),
            (
                "paragraph",
                (
                    "The number of births in Japan fell to a record low last year, according to "
                    "health ministry data."
                ),
            ),
        ),
        tags=("Diet", "childcare", "birthrate"),
    ),
    ArticleData(
        slug="government-to-move-parts-of-three-agencies-out-of-tokyo",
        section="politics",
        title="Government to move parts of three agencies out of Tokyo in decentralisation push",
        standfirst=(
            "About 1,200 officials will relocate to Sendai, Hiroshima and Kumamoto over "
            "five years under a plan approved by the cabinet on Tuesday."
        ),
        byline="By Sarah Whitcombe",
        source=None,
        hours_ago=30,
        image="skyline",
        image_alt=(
            "Illustration: office towers with lit windows silhouetted against an orange "
            "and purple sky at dusk."
        ),
        caption="Office buildings in central Tokyo at dusk on Tuesday.",
        credit="Staff photo",
        body=(
            (
                "paragraph",
                (
                    "The government will move parts of three national agencies out of Tokyo "
                    "over the next five years, relocating about 1,200 officials to regional "
                    "cities in an effort to ease the concentration of people and jobs in the "
                    "capital."
                ),
            ),
            (
                "paragraph",
                (
                    "Under a plan approved by the cabinet on Tuesday, the research and "
                    "statistics divisions of one consumer-protection agency will move to "
                    "Kumamoto, part of a tourism promotion body will go to Hiroshima, and a new "
                    "disaster-response training centre will open in Sendai."
                ),
            ),
            (
                "paragraph",
                (
                    '"Tokyo cannot be the answer to every question," said Junko Fujimaki, the '
                    'minister in charge of regional revitalisation. "If the government asks '
                    'companies to spread out, the government must go first."'
                ),
            ),
            (
                "paragraph",
                (
                    "Earlier relocations have had mixed results, with some officials "
                    "complaining of frequent trips back to the capital to brief lawmakers and "
                    "attend meetings."
                ),
            ),
            (
                "paragraph",
                (
                    "The new plan calls for relocated staff to make greater use of video "
                    "conferencing, and would allow Diet committees to question officials "
                    "remotely in some cases."
                ),
            ),
            (
                "paragraph",
                (
                    "Local leaders welcomed the decision. Kumamoto Governor Tetsuo Kawabata "
                    'said the move would "bring skilled people and their families" to the '
                    "region and encourage private companies to follow."
                ),
            ),
            (
                "paragraph",
                (
                    "Tokyo's population continued to grow last year even as the national "
                    "population declined, as young people moved to the capital for university "
                    "and work."
                ),
            ),
        ),
        tags=("regions", "government", "Tokyo"),
    ),
    ArticleData(
        slug="evacuation-orders-lifted-in-kagoshima-as-typhoon-clean-up-begins",
        section="national",
        title="Evacuation orders lifted in Kagoshima as typhoon clean-up begins",
        standfirst=(
            "About 18,000 households were still without power on Thursday, two days "
            "after Typhoon No. 14 made landfall with gusts of up to 190 kph."
        ),
        byline="By Emi Tsujimoto",
        source=None,
        hours_ago=3,
        image="storm",
        image_alt=(
            "Illustration: dark storm clouds and slanting rain over a rough grey sea, "
            "with palm trees bending in the wind on a seawall."
        ),
        caption=(
            "Heavy rain and high waves lash the seawall in Minamisatsuma, Kagoshima "
            "Prefecture, as Typhoon No. 14 approaches on Tuesday."
        ),
        credit="Staff photo",
        body=(
            (
                "paragraph",
                (
                    "KAGOSHIMA — Authorities in Kagoshima Prefecture lifted evacuation orders "
                    "for most coastal areas on Thursday as residents began clearing debris and "
                    "mud left by Typhoon No. 14, which made landfall on the Satsuma Peninsula "
                    "early Tuesday."
                ),
            ),
            (
                "paragraph",
                (
                    "About 18,000 households in the prefecture remained without electricity as "
                    "of Thursday afternoon, down from a peak of more than 140,000, according to "
                    "the regional power utility."
                ),
            ),
            (
                "paragraph",
                (
                    "The storm brought gusts of up to 190 kph and more than 400 millimetres of "
                    "rain in 24 hours in some areas, flooding low-lying neighbourhoods and "
                    "triggering landslides that cut off several mountain villages."
                ),
            ),
            (
                "paragraph",
                (
                    "Two people died and 37 were injured, according to the Fire and Disaster "
                    "Management Agency. A man in his 70s who was last seen checking on his boat "
                    "remains missing."
                ),
            ),
            (
                "paragraph",
                (
                    "In the town of Minamisatsuma, volunteers helped shopkeepers carry ruined "
                    'stock out of flooded stores. "The water came up to here," said Kazuko '
                    "Tomiyama, 64, pointing to a muddy line at waist height on the wall of her "
                    'shop. "We have been through typhoons before, but never one this fast."'
                ),
            ),
            (
                "paragraph",
                (
                    "Self-Defense Force personnel delivered water and food to villages where "
                    "roads remained blocked, and the prefecture opened a volunteer centre in "
                    "the city of Kagoshima."
                ),
            ),
            (
                "paragraph",
                (
                    "The Japan Meteorological Agency said the storm had weakened into a "
                    "tropical depression over the Pacific on Wednesday."
                ),
            ),
        ),
        tags=("typhoon", "disaster", "Kyushu"),
    ),
    ArticleData(
        slug="next-generation-bullet-train-reaches-360-kph-in-test-run",
        section="national",
        title="Next-generation bullet train reaches 360 kph in first high-speed test run",
        standfirst=(
            "The prototype, with a longer nose to reduce tunnel noise, could enter "
            "service in the early 2030s and cut travel times to northern Japan."
        ),
        byline=MERIDIAN,
        source=MERIDIAN,
        hours_ago=7,
        image="rail",
        image_alt=(
            "Illustration: a white bullet train with a long pointed nose crossing a "
            "concrete viaduct, with mountains and a clear sky behind."
        ),
        caption=(
            "The prototype bullet train crosses a viaduct near Oyama, Tochigi "
            "Prefecture, during a test run on Saturday."
        ),
        credit="Meridian News Agency photo",
        body=(
            (
                "paragraph",
                (
                    "OYAMA, Tochigi Prefecture (Meridian) — A prototype of a next-generation "
                    "bullet train reached 360 kph during a test run on Saturday, its operator "
                    "said, a milestone in a programme to raise top commercial speeds on lines "
                    "serving northern Japan."
                ),
            ),
            (
                "paragraph",
                (
                    "The 10-car train, which has a nose about 22 metres long designed to reduce "
                    "the boom produced when trains enter tunnels at high speed, made several "
                    "runs on a stretch of track between Utsunomiya and Oyama after regular "
                    "services had finished for the day."
                ),
            ),
            (
                "paragraph",
                (
                    "Engineers are testing new braking systems, quieter pantographs and an "
                    "earthquake-detection system designed to bring the train to a halt more "
                    "quickly when tremors are detected."
                ),
            ),
            (
                "paragraph",
                (
                    '"Speed only matters if we can also stop safely and keep the neighbourhood '
                    "quiet,\" the project's chief engineer, Satoru Kanemitsu, told reporters "
                    "after the run."
                ),
            ),
            (
                "paragraph",
                (
                    "The operator aims to put the trains into commercial service in the early "
                    "2030s with a top operating speed of 340 kph, which would cut the fastest "
                    "journey between Tokyo and Sapporo to under four and a half hours once the "
                    "line reaches Hokkaido's largest city."
                ),
            ),
            (
                "paragraph",
                (
                    "Test runs will continue through next summer, including in winter to check "
                    "how the train copes with heavy snow."
                ),
            ),
        ),
        tags=("rail", "shinkansen", "technology"),
    ),
    ArticleData(
        slug="niigata-rice-harvest-outlook-improves-but-farmers-warn-of-labour-shortage",
        section="national",
        title="Niigata rice harvest looks better, but ageing farmers warn of labour shortage",
        standfirst=(
            "Cooler nights have helped grain quality after last year's heat damage. The "
            "average age of rice farmers in the prefecture is now over 70."
        ),
        byline="By Kenta Iwabuchi",
        source=None,
        hours_ago=16,
        image="rice-field",
        image_alt=(
            "Illustration: golden rice paddies stretching toward green hills, with a "
            "small red combine harvester driven by a farmer in a straw hat."
        ),
        caption=(
            "Isamu Kogure drives a combine harvester through his family's paddy near "
            "Minamiuonuma, Niigata Prefecture, on Wednesday."
        ),
        credit="Staff photo",
        body=(
            (
                "paragraph",
                (
                    "MINAMIUONUMA, Niigata Prefecture — Rice farmers in Niigata, the country's "
                    "largest rice-producing prefecture, say this year's crop is shaping up far "
                    "better than last year's, when a scorching summer left many grains chalky "
                    "and cracked."
                ),
            ),
            (
                "paragraph",
                (
                    "The prefecture's agricultural research centre said on Wednesday that the "
                    "share of rice graded first class could exceed 70 percent, compared with "
                    "less than half last year, thanks to cooler nights in August that allowed "
                    "the grains to ripen slowly."
                ),
            ),
            (
                "paragraph",
                (
                    '"The colour is good and the grains are firm," said Isamu Kogure, 73, as he '
                    "guided a combine harvester across his family's paddies at the foot of the "
                    'mountains. "After last year, I was ready for the worst."'
                ),
            ),
            (
                "paragraph",
                (
                    "But the better harvest comes as farmers struggle to find people to work "
                    "the fields. The average age of commercial rice farmers in the prefecture "
                    "has risen above 70, and many have no one to take over."
                ),
            ),
            (
                "paragraph",
                (
                    "Kogure now rents about half his land to an agricultural company set up by "
                    "younger farmers in the area, which uses drones to spray the fields and "
                    "satellite images to decide when to harvest."
                ),
            ),
            (
                "paragraph",
                (
                    "Retail rice prices have risen for more than a year, and the farm ministry "
                    "has said it will monitor supplies closely as the new crop reaches shops "
                    "this autumn."
                ),
            ),
        ),
        tags=("agriculture", "rice", "Niigata"),
    ),
    ArticleData(
        slug="islanders-welcome-back-daily-ferry-after-pier-rebuild",
        section="national",
        title="Islanders welcome back daily ferry after two-year pier rebuild",
        standfirst=(
            "Residents of Mishiojima in the Seto Inland Sea had relied on a small "
            "passenger boat with no room for cars or heavy cargo since the old pier was "
            "declared unsafe."
        ),
        byline="By Naomi Fairbairn",
        source=None,
        hours_ago=26,
        image="harbour",
        image_alt=(
            "Illustration: a small white ferry approaching a harbour with a concrete "
            "pier, moored fishing boats and green hills under a morning sky."
        ),
        caption=(
            "The ferry Shiokaze Maru approaches the rebuilt pier on Mishiojima island, "
            "Okayama Prefecture, on Monday."
        ),
        credit="Staff photo",
        body=(
            (
                "paragraph",
                (
                    "KASAOKA, Okayama Prefecture — Residents of Mishiojima, a small island in "
                    "the Seto Inland Sea, lined the harbour on Monday morning to welcome back a "
                    "daily car ferry after a two-year rebuild of the island's only pier."
                ),
            ),
            (
                "paragraph",
                (
                    "The old concrete pier, built in the 1970s, was declared unsafe after "
                    "inspectors found corroded steel supports, forcing the operator to replace "
                    "its 190-tonne ferry with a smaller passenger boat that could carry neither "
                    "cars nor heavy cargo."
                ),
            ),
            (
                "paragraph",
                (
                    "For the island's roughly 380 residents, most of them over 65, that meant "
                    "deliveries of fuel, building materials and even large household appliances "
                    "had to be arranged by chartered barge."
                ),
            ),
            (
                "paragraph",
                (
                    '"My daughter could not bring her car when she came to visit, so I had to '
                    'meet her on the mainland," said Fumie Sakakibara, 81, who runs a small '
                    'guesthouse near the port. "Now the grandchildren can come for the summer '
                    'again."'
                ),
            ),
            (
                "paragraph",
                (
                    "The new pier, which cost about 1.6 billion yen shared by the national "
                    "government, the prefecture and the city of Kasaoka, stands about 80 "
                    "centimetres higher than the old one to cope with storm surges."
                ),
            ),
            (
                "paragraph",
                (
                    "The ferry Shiokaze Maru will make four round trips a day to the mainland, "
                    "taking about 40 minutes each way."
                ),
            ),
        ),
        tags=("islands", "transport", "Okayama"),
    ),
    ArticleData(
        slug="core-consumer-prices-rise-2-8-percent-as-food-costs-stay-high",
        section="business",
        title="Core consumer prices rise 2.8% as food costs stay high",
        standfirst=(
            "Inflation excluding fresh food has stayed at or above the Bank of Japan's "
            "2 percent target for more than three years, keeping pressure on the "
            "central bank to raise rates."
        ),
        byline=PACIFIC_WIRE,
        source=PACIFIC_WIRE,
        hours_ago=4,
        image="street",
        image_alt=(
            "Illustration: a shopping street lined with colourful shop awnings and red "
            "lanterns, with shoppers walking in the evening light."
        ),
        caption="Shoppers walk along a shopping street in Tokyo's Shinagawa Ward on Friday.",
        credit="Pacific Wire photo",
        body=(
            (
                "paragraph",
                (
                    "TOKYO (Pacific Wire) — Japan's core consumer prices rose 2.8 percent in "
                    "the year to last month, government data showed on Friday, as higher costs "
                    "for food and services offset the effect of energy subsidies."
                ),
            ),
            (
                "paragraph",
                (
                    "The rise in the core consumer price index, which excludes volatile fresh "
                    "food prices, matched the median forecast of economists and was slightly "
                    "faster than the 2.6 percent increase recorded the previous month, "
                    "according to the Internal Affairs and Communications Ministry."
                ),
            ),
            (
                "paragraph",
                (
                    "Prices of processed food rose 5.1 percent from a year earlier, with rice, "
                    "chocolate and coffee among the items posting the biggest increases. "
                    "Restaurant meals were up 3.4 percent."
                ),
            ),
            (
                "paragraph",
                (
                    "Energy prices fell 1.9 percent, reflecting government subsidies for "
                    "electricity and gas bills."
                ),
            ),
            (
                "paragraph",
                (
                    "Analysts said the data added to the case for the Bank of Japan to raise "
                    'interest rates again. "Service-sector inflation is broadening, and wage '
                    'growth looks solid enough for the bank to move by early next year," said '
                    "Hiroko Matsuzawa, chief economist at Kinsei Research Institute."
                ),
            ),
            (
                "paragraph",
                (
                    "A separate index that also excludes energy, closely watched by the central "
                    "bank as a gauge of underlying price trends, rose 2.4 percent."
                ),
            ),
        ),
        tags=("economy", "inflation", "Bank of Japan"),
    ),
    ArticleData(
        slug="yen-slides-past-158-per-dollar-as-central-bank-holds-rates",
        section="business",
        title="Yen slides past 158 per dollar as central bank holds rates steady",
        standfirst=(
            'Finance ministry officials warned against "excessive" currency moves, '
            "fuelling speculation that Tokyo could step into the market."
        ),
        byline=MERIDIAN,
        source=MERIDIAN,
        hours_ago=11,
        image="market",
        image_alt=(
            "Illustration: the silhouette of a man walking past a large electronic "
            "board of glowing red and green bar and line charts."
        ),
        caption=(
            "A man walks past an electronic board showing currency and share price "
            "movements outside a brokerage in Tokyo on Thursday."
        ),
        credit="Meridian News Agency photo",
        body=(
            (
                "paragraph",
                (
                    "TOKYO (Meridian) — The yen weakened past 158 to the dollar on Thursday, "
                    "its lowest level in three months, after the Bank of Japan left its "
                    "short-term interest rate unchanged and gave few clues about the timing of "
                    "its next increase."
                ),
            ),
            (
                "paragraph",
                (
                    "The currency fell about 1.2 yen in the hours after Governor Kazuhiro "
                    "Mizuhara's news conference, at which he said the bank wanted to see \"a "
                    'little more evidence" that wage gains were spreading to small and '
                    "medium-sized businesses."
                ),
            ),
            (
                "paragraph",
                (
                    "The policy board voted 7-2 to keep the rate at 0.75 percent, with two "
                    "members proposing an increase to 1 percent."
                ),
            ),
            (
                "paragraph",
                (
                    "Shunsuke Oyabu, the vice finance minister for international affairs, said "
                    'the government was watching currency markets "with a strong sense of '
                    'urgency" and would respond appropriately to excessive moves, language '
                    "traders often read as a warning that intervention is possible."
                ),
            ),
            (
                "paragraph",
                (
                    "A weak yen raises the cost of imported energy and food, adding to "
                    "household burdens, but lifts the overseas earnings of exporters. The "
                    "benchmark Nikkei index rose 0.9 percent on Thursday, led by carmakers and "
                    "machinery makers."
                ),
            ),
            (
                "paragraph",
                (
                    '"The market read the decision as dovish," said Daniel Okafor, a currency '
                    'strategist at a foreign bank in Tokyo. "Unless the Bank of Japan signals a '
                    'move in January, the pressure on the yen is going to persist."'
                ),
            ),
        ),
        tags=("yen", "currency", "Bank of Japan"),
    ),
    ArticleData(
        slug="kaiho-motor-to-build-battery-plant-in-fukuoka",
        section="business",
        title="Kaiho Motor to build 300 billion yen battery plant in Fukuoka",
        standfirst=(
            "The plant, due to start production in 2029, will supply batteries for "
            "hybrid and electric vehicles and create about 1,500 jobs, the carmaker "
            "said."
        ),
        byline="By Takumi Oshiro",
        source=None,
        hours_ago=18,
        image="factory",
        image_alt=(
            "Illustration: a large factory with saw-tooth roofs and tall chimneys "
            "releasing white steam against an orange morning sky."
        ),
        caption=(
            "Kaiho Motor Corp.'s vehicle assembly plant in Koga, Fukuoka Prefecture, on "
            "Tuesday. The battery plant will be built on an adjacent site."
        ),
        credit="Staff photo",
        body=(
            (
                "paragraph",
                (
                    "Kaiho Motor Corp. said on Tuesday it will invest about 300 billion yen in "
                    "a plant in Fukuoka Prefecture to make batteries for hybrid and electric "
                    "vehicles, creating about 1,500 jobs."
                ),
            ),
            (
                "paragraph",
                (
                    "The plant, to be built on land next to the carmaker's existing assembly "
                    "plant in Koga, is scheduled to begin production in 2029 and will "
                    "eventually be able to supply batteries for about 400,000 vehicles a year."
                ),
            ),
            (
                "paragraph",
                (
                    "The Nagoya-based company said it would receive up to 95 billion yen in "
                    "subsidies from the industry ministry under a programme to strengthen "
                    "domestic supply chains for strategic goods."
                ),
            ),
            (
                "paragraph",
                (
                    '"Batteries are the heart of the next generation of cars, and we want that '
                    'heart to be made in Japan," President Yoshinori Kaiho told a news '
                    "conference in Fukuoka."
                ),
            ),
            (
                "paragraph",
                (
                    "Kaiho has lagged larger rivals in fully electric vehicles but has a strong "
                    "line-up of hybrid models, which have sold well in North America and "
                    "Southeast Asia."
                ),
            ),
            (
                "paragraph",
                (
                    "Fukuoka Governor Masumi Tokuda welcomed the investment, saying it would "
                    "help keep young engineers in Kyushu, which has drawn a wave of "
                    "semiconductor and electronics investment in recent years."
                ),
            ),
            (
                "paragraph",
                "Shares of Kaiho Motor rose 3.1 percent in Tokyo after the announcement.",
            ),
        ),
        tags=("autos", "batteries", "investment"),
    ),
    ArticleData(
        slug="record-overseas-visitors-lift-hotel-and-department-store-sales",
        section="business",
        title="Record overseas visitors lift hotel and department store sales",
        standfirst=(
            "Foreign arrivals topped 3.9 million last month, the highest for any month, "
            "though popular destinations are struggling with crowding."
        ),
        byline="By Yuto Hasegawa",
        source=None,
        hours_ago=24,
        image="skyline",
        image_alt=(
            "Illustration: a city skyline of tall towers with lit windows and a red "
            "lattice tower against a purple and orange dusk sky."
        ),
        caption="Hotels and office towers in central Tokyo at dusk on Wednesday.",
        credit="Staff photo",
        body=(
            (
                "paragraph",
                (
                    "The number of overseas visitors to Japan hit a monthly record last month, "
                    "lifting sales at hotels and department stores, according to data released "
                    "on Wednesday."
                ),
            ),
            (
                "paragraph",
                (
                    "Foreign arrivals totalled an estimated 3.9 million, up 14 percent from a "
                    "year earlier, according to the national tourism promotion body. Visitors "
                    "from South Korea, China and Taiwan accounted for more than half, while "
                    "arrivals from the United States and Europe also rose."
                ),
            ),
            (
                "paragraph",
                (
                    "Hotel occupancy in Tokyo averaged 86 percent, and average room rates in "
                    "the capital have risen by more than a third over the past two years, "
                    "according to an industry survey."
                ),
            ),
            (
                "paragraph",
                (
                    "Major department stores said tax-free sales to overseas shoppers rose 21 "
                    "percent, with cosmetics, watches and kitchen knives among the most popular "
                    "items."
                ),
            ),
            (
                "paragraph",
                (
                    '"We now have customers who come back every season," said Kyoko Nishimaru, '
                    "a floor manager at a department store in Tokyo's Ginza district. \"They "
                    'know exactly which floor they want."'
                ),
            ),
            (
                "paragraph",
                (
                    "Local officials in popular destinations such as Kyoto and Kamakura have "
                    "called for more measures to ease crowding on buses and trains and around "
                    "temples and shrines, including higher fees for visitors."
                ),
            ),
        ),
        tags=("tourism", "retail", "economy"),
    ),
    ArticleData(
        slug="harriers-clinch-first-pennant-in-11-years-with-walk-off-win",
        section="sports",
        title="Kobe Harriers clinch first pennant in 11 years with walk-off win",
        standfirst=(
            "Catcher Shota Umemiya's two-run single in the ninth sealed a 4-3 victory "
            "over the Sapporo Polestars in front of a sellout crowd."
        ),
        byline="By Daichi Morisaki",
        source=None,
        hours_ago=6,
        image="stadium",
        image_alt=(
            "Illustration: a floodlit baseball stadium at night seen from high behind "
            "home plate, with a green outfield, a brown infield and packed stands."
        ),
        caption=(
            "Fans fill Kobe Minato Stadium as the Harriers play the Sapporo Polestars "
            "on Sunday night."
        ),
        credit="Staff photo",
        body=(
            (
                "paragraph",
                (
                    "KOBE — Shota Umemiya lined a two-run single into right field with two outs "
                    "in the bottom of the ninth inning on Sunday, giving the Kobe Harriers a "
                    "4-3 win over the Sapporo Polestars and their first pennant in 11 years."
                ),
            ),
            (
                "paragraph",
                (
                    "The Harriers trailed 3-2 entering the ninth against Polestars closer Ryuji "
                    "Tanigawa, who had not blown a save since June. Pinch-hitter Kosuke Anzai "
                    "drew a leadoff walk, and a double by shortstop Tomoya Ishibe put runners "
                    "on second and third before Umemiya's hit."
                ),
            ),
            (
                "paragraph",
                (
                    '"I just told myself not to try to do too much," Umemiya, 29, said after '
                    'teammates had doused him with water in front of the dugout. "The fans '
                    'carried us the whole season."'
                ),
            ),
            (
                "paragraph",
                (
                    "Starter Ren Kakizaki allowed three runs over seven innings, and the "
                    "bullpen held the Polestars scoreless over the final two."
                ),
            ),
            (
                "paragraph",
                (
                    "The Harriers, who finished last two seasons ago, were picked by most "
                    "pundits to finish in the bottom half of the six-team league. Manager "
                    'Hideki Norimatsu credited young players who had "grown up in front of our '
                    'eyes."'
                ),
            ),
            (
                "paragraph",
                "Kobe will host the first stage of the playoffs next month.",
            ),
        ),
        tags=("baseball",),
    ),
    ArticleData(
        slug="yokozuna-shiranamiyama-stays-perfect-at-autumn-tournament",
        section="sports",
        title="Yokozuna Shiranamiyama stays perfect on Day 10 of Autumn Grand Sumo Tournament",
        standfirst=(
            "The grand champion forced out komusubi Kurogane to improve to 10-0, two "
            "wins clear of his nearest challengers."
        ),
        byline=PACIFIC_WIRE,
        source=PACIFIC_WIRE,
        hours_ago=10,
        image="sumo",
        image_alt=(
            "Illustration: two sumo wrestlers grappling in the centre of a raised clay "
            "ring beneath a hanging roof, with spectators in the background."
        ),
        caption=(
            "Yokozuna Shiranamiyama, right, grapples with komusubi Kurogane on the 10th "
            "day of the Autumn Grand Sumo Tournament at Ryogoku Kokugikan in Tokyo on "
            "Tuesday."
        ),
        credit="Pacific Wire photo",
        body=(
            (
                "paragraph",
                (
                    "TOKYO (Pacific Wire) — Yokozuna Shiranamiyama remained unbeaten at the "
                    "Autumn Grand Sumo Tournament on Tuesday, forcing out komusubi Kurogane to "
                    "improve to 10-0 and keep a two-win lead over the chasing pack."
                ),
            ),
            (
                "paragraph",
                (
                    "The grand champion absorbed Kurogane's opening charge, took a firm "
                    "left-handed grip on his opponent's belt and marched him over the straw "
                    "bales in a little under eight seconds."
                ),
            ),
            (
                "paragraph",
                (
                    '"I was able to keep my hips low today," Shiranamiyama told reporters in '
                    'the dressing room. "There are still five days left, so I will take them '
                    'one at a time."'
                ),
            ),
            (
                "paragraph",
                (
                    "Ozeki Hayabusanada kept his slim title hopes alive by slapping down No. 4 "
                    "maegashira Tsurugidake to move to 8-2, securing a winning record at "
                    "Ryogoku Kokugikan."
                ),
            ),
            (
                "paragraph",
                (
                    "Aonami, a 21-year-old making only his second appearance in the top "
                    "division, also improved to 8-2 with an overarm throw against the veteran "
                    "Kotobukiumi."
                ),
            ),
            (
                "paragraph",
                ("Shiranamiyama, 30, is chasing his ninth championship and his second in a row."),
            ),
        ),
        tags=("sumo",),
    ),
    ArticleData(
        slug="late-penalty-keeps-kanazawa-seiren-title-hopes-alive",
        section="sports",
        title="Late penalty keeps Kanazawa Seiren's J.League title hopes alive",
        standfirst=(
            "Captain Yusei Fukunaga converted in stoppage time for a 2-1 win over the "
            "Hamamatsu Arrows, leaving Kanazawa three points off the top with three "
            "games to play."
        ),
        byline="By Tom Ashdown",
        source=None,
        hours_ago=13,
        image="football",
        image_alt=(
            "Illustration: two footballers, one in red and one in blue, chasing the "
            "ball on a striped green pitch in front of a packed stand."
        ),
        caption=(
            "Kanazawa Seiren's Yusei Fukunaga, left, and Hamamatsu Arrows' Kaito "
            "Mineshima chase the ball during their J.League match in Kanazawa on "
            "Saturday."
        ),
        credit="Staff photo",
        body=(
            (
                "paragraph",
                (
                    "KANAZAWA — Captain Yusei Fukunaga scored from the penalty spot in the "
                    "fourth minute of stoppage time on Saturday to give Kanazawa Seiren a 2-1 "
                    "win over the Hamamatsu Arrows and keep alive the club's hopes of a first "
                    "J.League title."
                ),
            ),
            (
                "paragraph",
                (
                    "The penalty was awarded after a video review showed Arrows defender Kaito "
                    "Mineshima had pulled back striker Ryo Ogasawara as he turned inside the "
                    "area."
                ),
            ),
            (
                "paragraph",
                (
                    "Fukunaga, who missed from the spot against the same opponents in the "
                    "spring, sent the goalkeeper the wrong way. \"I wasn't thinking about last "
                    'time," he said. "I was only thinking about the people in the stand."'
                ),
            ),
            (
                "paragraph",
                (
                    "Hamamatsu had equalised through forward Thiago Ramalho early in the second "
                    "half, after Kanazawa took the lead with a header by defender Shun Kuwabara "
                    "just before halftime."
                ),
            ),
            (
                "paragraph",
                (
                    "The win leaves Kanazawa second, three points behind Sagami United, who "
                    "were held to a 0-0 draw in Sendai, with three matches remaining."
                ),
            ),
            (
                "paragraph",
                "A crowd of 24,300 attended the match, a record for the club.",
            ),
        ),
        tags=("football", "J.League"),
    ),
    ArticleData(
        slug="debutant-aoi-takebe-wins-hakata-bay-marathon",
        section="sports",
        title="Debutant Aoi Takebe wins Hakata Bay Marathon in course-record time",
        standfirst=(
            "The 23-year-old, running her first marathon, pulled away at 35 kilometres "
            "and finished in 2 hours, 21 minutes, 9 seconds."
        ),
        byline=MERIDIAN,
        source=MERIDIAN,
        hours_ago=22,
        image="runner",
        image_alt=(
            "Illustration: a runner in a vest and shorts on a seaside road in the "
            "morning, with spectators behind a barrier and the sea beyond."
        ),
        caption=(
            "Aoi Takebe runs along the waterfront on her way to winning the Hakata Bay "
            "Marathon in Fukuoka on Sunday."
        ),
        credit="Meridian News Agency photo",
        body=(
            (
                "paragraph",
                (
                    "FUKUOKA (Meridian) — Aoi Takebe, running the marathon distance for the "
                    "first time, won the Hakata Bay Marathon on Sunday in a course record of 2 "
                    "hours, 21 minutes, 9 seconds, making an early case for a place on the "
                    "national team."
                ),
            ),
            (
                "paragraph",
                (
                    "The 23-year-old, who runs for a corporate team sponsored by an electronics "
                    "maker, stayed in the lead group for most of the race before pulling away "
                    "on a gentle climb near the 35-kilometre mark."
                ),
            ),
            (
                "paragraph",
                (
                    "Former champion Mizuki Handa finished second, 48 seconds behind, and "
                    "Nanami Oshiba was third."
                ),
            ),
            (
                "paragraph",
                (
                    "\"I didn't know how my legs would feel after 35 kilometres, so I decided to "
                    'go before I found out," Takebe said with a laugh at the finish.'
                ),
            ),
            (
                "paragraph",
                (
                    "Cool, overcast conditions and a light breeze off the bay helped produce "
                    "fast times, with five runners finishing in under 2 hours, 25 minutes. The "
                    "previous course record had stood for nine years."
                ),
            ),
            (
                "paragraph",
                (
                    "Takebe's coach, Hiroshi Yatsuda, said she would decide on her next race "
                    'after talks with the national federation. "She has shown she belongs at '
                    'this level," he said.'
                ),
            ),
        ),
        tags=("athletics", "marathon"),
    ),
)

"""The demo articles. The first one is the lead Politics story."""
