/**
 * Demo content for Dalil: a guide in progress, modelled on the PAGOF terms of reference
 * ("Guide pratique des principes Open Gov au niveau local", written by CEFAD trainers with CSOs).
 *
 * Pure data: every section body is a ProseMirror JSON document valid against `sectionSchema()`
 * (TipTap StarterKit). The helpers below only keep the content readable. Tables, boxes and
 * footnotes are shown in `demoRichContent.ts`.
 */
import { richContentChapter } from './demoRichContent.ts';

export interface PMNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: PMNode[];
  text?: string;
  marks?: Array<{ type: string; attrs?: Record<string, unknown> }>;
}

export interface ProseMirrorDoc {
  type: 'doc';
  content: PMNode[];
}

export interface DemoSection {
  title: string;
  content: ProseMirrorDoc;
  children?: DemoSection[];
}

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/** Inline content: a plain string or an already-built inline node (marked text, hard break). */
type Inline = string | PMNode;
/** A list item: one paragraph, given as a string, one inline node or several inline parts. */
type Item = Inline | Inline[];

const txt = (text: string, marks?: PMNode['marks']): PMNode =>
  marks ? { type: 'text', text, marks } : { type: 'text', text };
const inline = (part: Inline): PMNode => (typeof part === 'string' ? txt(part) : part);

/** Bold, italic, underlined text and link. */
const b = (text: string): PMNode => txt(text, [{ type: 'bold' }]);
const i = (text: string): PMNode => txt(text, [{ type: 'italic' }]);
const u = (text: string): PMNode => txt(text, [{ type: 'underline' }]);
const a = (text: string, href: string): PMNode => txt(text, [{ type: 'link', attrs: { href } }]);
const br = (): PMNode => ({ type: 'hardBreak' });

const p = (...parts: Inline[]): PMNode => ({ type: 'paragraph', content: parts.map(inline) });
const h = (level: 2 | 3, text: string): PMNode => ({
  type: 'heading',
  attrs: { level },
  content: [txt(text)],
});
const li = (item: Item): PMNode => ({
  type: 'listItem',
  content: [Array.isArray(item) ? p(...item) : p(item)],
});
const ul = (items: Item[]): PMNode => ({ type: 'bulletList', content: items.map(li) });
const ol = (items: Item[]): PMNode => ({
  type: 'orderedList',
  attrs: { start: 1 },
  content: items.map(li),
});
const quote = (...paragraphs: PMNode[]): PMNode => ({ type: 'blockquote', content: paragraphs });
const hr = (): PMNode => ({ type: 'horizontalRule' });

const doc = (...blocks: PMNode[]): ProseMirrorDoc => ({ type: 'doc', content: blocks });
const section = (title: string, content: ProseMirrorDoc, children?: DemoSection[]): DemoSection =>
  children ? { title, content, children } : { title, content };

// ---------------------------------------------------------------------------------------------
// Chapitre 1 — Introduction
// ---------------------------------------------------------------------------------------------

const introduction = section(
  'Introduction : objectifs, public et enjeux',
  doc(
    p(
      "Depuis l'adoption de la Constitution de 2014 et l'entrée en vigueur du ",
      b('Code des collectivités locales'),
      " en 2018, les communes tunisiennes disposent de compétences élargies et d'une légitimité issue des urnes. Cette autonomie nouvelle s'accompagne d'une exigence tout aussi nouvelle : rendre compte aux habitants, les associer aux choix qui les concernent et gérer les ressources publiques de manière irréprochable.",
    ),
    p(
      "Ce guide a été élaboré par les formateurs du Centre de Formation et d'Appui à la Décentralisation (CEFAD), avec l'appui du Programme d'appui aux gouvernements ouverts francophones (PAGOF) et la contribution d'organisations de la société civile réunies en atelier de concertation. Il s'inscrit dans l'engagement du deuxième Plan d'action national de la Tunisie au sein du Partenariat pour un gouvernement ouvert qui vise à « améliorer la transparence et l'ouverture locale du gouvernement ».",
    ),
    h(2, 'ملخص'),
    p(
      'يهدف هذا الدليل العملي إلى تبسيط مبادئ الحكومة المفتوحة وتقريبها من الفاعلين المحليين: المنتخبين وأعوان البلديات والمواطنين ومكونات المجتمع المدني. وقد أعدّه مكوّنو مركز التكوين ودعم اللامركزية بالتعاون مع منظمات المجتمع المدني، في إطار التزامات تونس ضمن شراكة الحكومة المفتوحة.',
    ),
    p(
      'ويقدّم الدليل، إلى جانب التعريف بمبادئ الشفافية والمشاركة والمساءلة والنزاهة، نقاط يقظة وممارسات عملية ينبغي اعتمادها لكل فئة من الفاعلين، وممارسات جيدة وتجارب ناجحة مستمدة من البلديات التونسية، حتى يكون أداة عمل يومية وليس مجرد وثيقة مرجعية.',
    ),
  ),
  [
    section(
      'Pourquoi un guide sur le gouvernement ouvert local ?',
      doc(
        p(
          "Le gouvernement ouvert n'est pas un concept réservé aux ministères ou aux grandes institutions internationales. C'est au niveau local qu'il prend tout son sens : c'est à la commune que le citoyen demande un permis de bâtir, signale une panne d'éclairage public ou s'interroge sur l'utilisation de ses impôts. C'est donc là que la confiance entre l'administration et les habitants se construit — ou se perd.",
        ),
        h(2, 'Les objectifs du guide'),
        ul([
          'Expliquer simplement les principes du gouvernement ouvert et leur traduction concrète dans la gestion communale ;',
          "Outiller les élus et les agents face aux situations qu'ils rencontrent au quotidien, grâce à des points de vigilance et des réflexes à adopter ;",
          'Valoriser des pratiques qui ont fait leurs preuves dans des communes tunisiennes et au sein de la société civile ;',
          "Encourager de nouvelles initiatives, notamment en matière d'ouverture des données, de participation électronique et de services publics de qualité s'appuyant sur les TIC.",
        ]),
        h(2, 'Les enjeux'),
        p(
          "Trois enjeux traversent l'ensemble du guide. Le premier est un enjeu de ",
          b('confiance'),
          " : après des décennies de gestion centralisée, de nombreux habitants doutent encore de la capacité de leur commune à agir et à les écouter. Le deuxième est un enjeu d'",
          b('efficacité'),
          ' : une décision préparée avec les usagers est généralement mieux comprise, mieux acceptée et plus durable. Le troisième est un enjeu de ',
          b('prévention'),
          " : la transparence et les contrôles réguliers protègent les élus et les agents autant qu'ils protègent les deniers publics.",
        ),
      ),
    ),
    section(
      "À qui s'adresse ce guide et comment l'utiliser",
      doc(
        p("Le guide s'adresse en priorité à trois publics, qui ont chacun un rôle à jouer et des contraintes propres :"),
        ul([
          [
            b('Les élus locaux'),
            ' — président de commune, adjoints, présidents de commissions et conseillers municipaux — qui portent la décision politique et en rendent compte ;',
          ],
          [
            b('Les agents des collectivités locales'),
            " — secrétaire général, cadres et agents des services — qui mettent en œuvre les décisions et sont le premier visage de l'administration pour les usagers ;",
          ],
          [
            b('Les citoyens et les organisations de la société civile'),
            ", qui peuvent s'informer, proposer, suivre et évaluer l'action communale.",
          ],
        ]),
        p(
          "Il intéressera également les formateurs, les structures d'appui aux collectivités locales et les partenaires techniques et financiers qui accompagnent les communes.",
        ),
        h(2, "Mode d'emploi"),
        p(
          'Chaque chapitre peut être lu indépendamment. Le chapitre 2 présente les principes ; le chapitre 3 propose, pour chaque public, des ',
          i('points de vigilance'),
          ' et des ',
          i('réflexes à adopter'),
          " ; les chapitres 4 et 5 rassemblent des bonnes pratiques et des cas concrets que les communes peuvent adapter à leur situation. Les annexes réunissent un glossaire bilingue, les principaux textes de référence et une fiche d'auto-diagnostic.",
        ),
        quote(
          p(
            b('Conseil de lecture : '),
            "commencez par le chapitre qui correspond à votre fonction, puis reportez-vous aux cas concrets. Les principes prennent tout leur sens lorsqu'on les voit appliqués.",
          ),
        ),
      ),
    ),
  ],
);

// ---------------------------------------------------------------------------------------------
// Chapitre 2 — Les principes
// ---------------------------------------------------------------------------------------------

const principes = section(
  'Les principes du gouvernement ouvert au niveau local',
  doc(
    p(
      "Le gouvernement ouvert désigne une manière de conduire l'action publique fondée sur l'ouverture : ouverture de l'information, ouverture de la décision, ouverture au contrôle. Il ne s'agit pas d'un dispositif supplémentaire qui viendrait s'ajouter aux missions de la commune, mais d'une façon de les exercer.",
    ),
    p(
      "Ce chapitre présente l'origine de la démarche, puis les principes sur lesquels elle repose : la ",
      b('transparence'),
      ', la ',
      b('participation'),
      ', la ',
      b('redevabilité'),
      " et l'",
      b('intégrité'),
      ". Ces principes se tiennent : la participation n'a pas de sens sans information, et la redevabilité suppose que les engagements pris soient connus de tous.",
    ),
    h(2, 'ملخص النقاط الأساسية'),
    ul([
      [
        b('الشفافية:'),
        ' نشر المعلومات المتعلقة بالقرارات والميزانية والصفقات العمومية بصفة استباقية وبلغة مفهومة، والرد على مطالب النفاذ إلى المعلومة في الآجال القانونية.',
      ],
      [b('المشاركة:'), ' إشراك المتساكنين في إعداد القرارات ومتابعة تنفيذها، وليس الاكتفاء بإعلامهم بها بعد اتخاذها.'],
      [
        b('المساءلة:'),
        ' تقديم الحساب بصفة منتظمة حول النتائج المحققة والموارد المستعملة، وتفسير أسباب التأخير أو الإخفاق عند حصوله.',
      ],
      [b('النزاهة:'), ' الوقاية من تضارب المصالح وضمان المساواة في معاملة جميع المتساكنين.'],
    ]),
  ),
  [
    section(
      'Du Partenariat pour un gouvernement ouvert à la commune',
      doc(
        p(
          'Le ',
          a('Partenariat pour un gouvernement ouvert', 'https://www.opengovpartnership.org/'),
          " (PGO) est une initiative internationale lancée en 2011, qui réunit des gouvernements et des organisations de la société civile autour d'engagements concrets en faveur de la transparence, de la participation et de la redevabilité. Chaque pays membre élabore avec la société civile un plan d'action national, dont la mise en œuvre fait l'objet d'un suivi indépendant.",
        ),
        p(
          "La Tunisie a rejoint le PGO en 2014. Ses plans d'action successifs ont progressivement intégré la dimension locale, en cohérence avec le processus de décentralisation : le deuxième plan d'action national (2016-2018) comporte ainsi un engagement visant à améliorer la transparence et l'ouverture du gouvernement au niveau local.",
        ),
        h(3, 'Un cadre juridique favorable'),
        p("Plusieurs textes donnent aujourd'hui une base solide à la démarche :"),
        ul([
          [
            b('La Constitution de 2014'),
            ', dont le chapitre consacré au pouvoir local invite les collectivités à adopter les mécanismes de la démocratie participative et les principes de la gouvernance ouverte ;',
          ],
          [
            b('La loi organique n° 2016-22'),
            " du 24 mars 2016 relative au droit d'accès à l'information, qui s'applique aussi aux collectivités locales ;",
          ],
          [
            b('Le Code des collectivités locales'),
            " (loi organique n° 2018-29 du 9 mai 2018), qui consacre la libre administration des communes et prévoit la participation des habitants à la préparation des programmes de développement et d'aménagement.",
          ],
        ]),
        p(
          i(
            "Note de l'équipe de rédaction : faire valider la formulation de cette section par le ministère avant diffusion, plusieurs textes d'application étant encore en préparation.",
          ),
        ),
      ),
    ),
    section(
      "La transparence et le droit d'accès à l'information",
      doc(
        p(
          "La transparence consiste à rendre l'information publique disponible, compréhensible et réutilisable. Pour une commune, elle porte notamment sur les délibérations du conseil municipal, le budget et son exécution, les marchés publics, les autorisations délivrées, les procédures administratives et les projets en cours.",
        ),
        h(3, "Deux façons d'ouvrir l'information"),
        ul([
          [
            b('La publication proactive'),
            " : la commune publie d'elle-même, sans attendre qu'on le lui demande, les informations prévues par la loi et toutes celles qui intéressent les habitants ;",
          ],
          [
            b("La réponse aux demandes d'accès"),
            " : toute personne peut demander à la commune un document qu'elle détient ; la loi organique n° 2016-22 encadre les délais de réponse, les exceptions et les voies de recours, notamment devant l'Instance d'accès à l'information.",
          ],
        ]),
        p(
          'Dans chaque commune, un ',
          b("responsable de l'accès à l'information"),
          " et son suppléant doivent être désignés. Leur rôle ne se limite pas à traiter les demandes : ils aident les services à repérer ce qui peut être publié et à le présenter de façon lisible.",
        ),
        quote(
          p(
            "Une information publiée mais incompréhensible n'est pas vraiment transparente. Un budget présenté en quarante pages de tableaux comptables informe moins qu'une page claire indiquant d'où vient l'argent et où il va.",
          ),
        ),
        p(
          "Transparence ne signifie pas pour autant tout divulguer : les données personnelles des habitants, certaines informations liées à la sécurité ou à des procédures en cours restent protégées. En cas de doute, le bon réflexe est de consulter le responsable de l'accès à l'information plutôt que de refuser par principe.",
        ),
      ),
    ),
    section(
      'La participation citoyenne',
      doc(
        p(
          "La participation citoyenne désigne l'ensemble des démarches par lesquelles les habitants contribuent aux décisions publiques qui les concernent. Elle ne se réduit pas au vote : entre deux élections, les citoyens détiennent une ",
          i("expertise d'usage"),
          ' — ils connaissent leur quartier, leurs besoins, les dysfonctionnements des services — que la commune a tout intérêt à mobiliser.',
        ),
        h(3, 'Les niveaux de participation'),
        ol([
          [b('Informer'), ' : porter à la connaissance des habitants un projet ou une décision ;'],
          [b('Consulter'), ' : recueillir leurs avis, sans engagement sur la décision finale ;'],
          [b('Concerter'), ' : construire le projet avec eux, en tenant compte de leurs propositions ;'],
          [b('Co-décider'), ' : leur confier une partie de la décision, comme dans un budget participatif.'],
        ]),
        p(
          "Aucun niveau n'est meilleur dans l'absolu. L'essentiel est d'être ",
          b('clair dès le départ'),
          " sur ce qui est soumis à la participation et sur ce qui ne l'est pas, puis de faire un retour aux participants sur la manière dont leurs contributions ont été prises en compte.",
        ),
        p(
          "Le Code des collectivités locales prévoit notamment l'association des habitants à la préparation des programmes de développement et d'aménagement ainsi que la publicité des séances du conseil municipal. Rien n'empêche les communes d'aller au-delà de ces obligations : la plupart des bonnes pratiques présentées au chapitre 4 relèvent de leur libre initiative.",
        ),
      ),
    ),
    section(
      "La redevabilité et l'intégrité",
      doc(
        p(
          "La redevabilité est l'obligation, pour ceux qui exercent une responsabilité publique, de rendre compte de leurs choix, de leurs résultats et de l'usage des moyens qui leur ont été confiés. Elle va plus loin que la transparence : il ne suffit pas de publier, il faut expliquer, justifier et accepter d'être interrogé.",
        ),
        p(
          "L'intégrité en est le prolongement : elle désigne le respect, par les élus et les agents, de règles éthiques qui garantissent que l'intérêt général prime sur les intérêts particuliers. Elle couvre en particulier la prévention des conflits d'intérêts, l'égalité de traitement des usagers et la lutte contre la corruption.",
        ),
        h(3, 'Des outils de redevabilité à la portée de toute commune'),
        ul([
          "Un rapport annuel d'activité, présenté en séance publique et résumé en une ou deux pages ;",
          "Un tableau de suivi des projets d'investissement, mis à jour régulièrement et affiché ;",
          'Des réunions publiques de restitution dans les quartiers ;',
          'Un dispositif de traitement des réclamations avec des délais de réponse annoncés et respectés.',
        ]),
        quote(
          p(
            "« Rendre compte, ce n'est pas seulement présenter ses réussites. C'est aussi expliquer pourquoi un projet a pris du retard, et ce que l'on fait pour y remédier. »",
            br(),
            i("— Un élu municipal, lors de l'atelier de concertation avec les OSC"),
          ),
        ),
      ),
    ),
  ],
);

// ---------------------------------------------------------------------------------------------
// Chapitre 3 — Enjeux et postures
// ---------------------------------------------------------------------------------------------

const enjeux = section(
  'Enjeux et postures : élus, agents et citoyens',
  doc(
    p(
      "Les principes du gouvernement ouvert se heurtent, sur le terrain, à des contraintes bien réelles : manque de moyens humains, procédures lourdes, méfiance réciproque, attentes parfois supérieures à ce que la commune peut offrir. Ce chapitre propose, pour chacun des trois publics du guide, une lecture de ces enjeux et des conseils pratiques.",
    ),
    p(
      'Chaque fiche suit la même structure : les ',
      b('points de vigilance'),
      ' signalent les situations à risque et les erreurs fréquentes ; les ',
      b('réflexes à adopter'),
      " proposent des gestes simples, applicables immédiatement. L'ensemble repose sur une même idée : privilégier une culture de la prévention, de l'information et du dialogue plutôt que la gestion des crises.",
    ),
  ),
  [
    section(
      'Les élus locaux',
      doc(
        p(
          "Les élus sont les garants politiques de l'ouverture. Leur engagement visible conditionne la mobilisation des services et la confiance des habitants. Ils sont aussi les plus exposés : sollicitations individuelles, pressions, critiques publiques sur les réseaux sociaux.",
        ),
        h(3, 'Points de vigilance'),
        ul([
          'Confondre communication et transparence : une page consacrée aux inaugurations ne remplace pas la publication des délibérations et du budget ;',
          'Promettre une participation sans marge de décision réelle, au risque de décevoir durablement les habitants ;',
          'Prendre part à une délibération ou à une attribution dans laquelle on a un intérêt personnel, familial ou professionnel ;',
          "Traiter les demandes individuelles au cas par cas, en dehors des procédures, ce qui nourrit un sentiment d'inégalité ;",
          'Réagir aux critiques en ligne de façon impulsive ou personnelle.',
        ]),
        h(3, 'Réflexes à adopter'),
        ol([
          "Annoncer publiquement, en début de mandat, quelques engagements d'ouverture précis et vérifiables ;",
          "Déclarer tout conflit d'intérêts et se retirer des délibérations concernées, en le faisant consigner au procès-verbal ;",
          'Orienter systématiquement les demandes individuelles vers les services et les procédures prévues ;',
          "Rendre compte au moins une fois par an, en réunion publique, de l'avancement du programme ;",
          "S'appuyer sur le secrétaire général pour traduire les engagements politiques en procédures administratives.",
        ]),
      ),
    ),
    section(
      'Les agents municipaux',
      doc(
        p(
          "Les agents sont au cœur de la mise en œuvre : ce sont eux qui accueillent le public, instruisent les dossiers, tiennent les registres et produisent l'information. Sans leur adhésion, les engagements d'ouverture restent lettre morte. Or l'ouverture peut être vécue comme une charge supplémentaire, voire comme une menace, lorsque les règles ne sont pas claires.",
        ),
        h(3, 'Points de vigilance'),
        ul([
          "Refuser par précaution de communiquer un document, faute de savoir s'il est communicable ;",
          'Laisser sans réponse une demande ou une réclamation, même lorsque la réponse est négative ;',
          'Exiger des pièces non prévues par la procédure, ou appliquer des délais différents selon les usagers ;',
          "Publier des documents contenant des données personnelles : numéros de carte d'identité, adresses, situations sociales ;",
          "Accepter un cadeau ou un service d'un usager dont on traite le dossier.",
        ]),
        h(3, 'Réflexes à adopter'),
        ol([
          "Connaître le responsable de l'accès à l'information de la commune et le consulter en cas de doute ;",
          'Afficher au guichet la liste des pièces, les délais et les coûts de chaque procédure ;',
          "Toujours répondre, par écrit lorsque c'est possible, en indiquant les voies de recours en cas de refus ;",
          'Anonymiser les documents avant toute publication ;',
          'Signaler à sa hiérarchie toute sollicitation inappropriée, en utilisant les canaux de signalement prévus.',
        ]),
        quote(
          p(
            "Lors des missions de terrain, plusieurs agents ont souligné qu'ils se sentaient plus à l'aise face aux usagers lorsque les procédures étaient écrites et affichées : la règle commune les protège des pressions.",
          ),
        ),
      ),
    ),
    section(
      'Les citoyens et les organisations de la société civile',
      doc(
        p(
          "Le gouvernement ouvert n'est pas seulement une obligation pour l'administration : c'est aussi une occasion, pour les citoyens et les associations, de peser sur les choix collectifs. Encore faut-il connaître ses droits, savoir à qui s'adresser et adopter une posture constructive.",
        ),
        h(3, 'Points de vigilance'),
        ul([
          'Se décourager après une première demande restée sans réponse, alors que des voies de recours existent ;',
          'Réduire la participation à la contestation, sans formuler de propositions ;',
          'Relayer des informations non vérifiées sur la gestion communale ;',
          'Laisser la participation à quelques habitués : les jeunes, les femmes et les habitants des quartiers périphériques sont souvent sous-représentés.',
        ]),
        h(3, 'Réflexes à adopter'),
        ol([
          'Assister aux séances publiques du conseil municipal et consulter les procès-verbaux publiés ;',
          "Formuler ses demandes d'accès à l'information par écrit, en conservant une trace de leur dépôt ;",
          "S'organiser collectivement — comité de quartier, association, collectif — pour porter des propositions ;",
          'Proposer à la commune des partenariats concrets : enquêtes auprès des habitants, animation de réunions, formation, suivi de projets.',
        ]),
        h(3, 'حقوقك باختصار'),
        p(
          'من حقك الاطلاع على مداولات المجلس البلدي وعلى ميزانية البلدية، وتقديم مطلب نفاذ إلى المعلومة، والمشاركة في الاجتماعات العمومية المخصصة لإعداد برامج التنمية والتهيئة. وإذا لم تتلقَّ ردّاً على مطلبك، يمكنك اللجوء إلى هيئة النفاذ إلى المعلومة.',
        ),
      ),
    ),
  ],
);

// ---------------------------------------------------------------------------------------------
// Chapitre 4 — Bonnes pratiques
// ---------------------------------------------------------------------------------------------

const bonnesPratiques = section(
  'Bonnes pratiques des communes et de la société civile',
  doc(
    p(
      "Les pratiques présentées dans ce chapitre ont été recensées lors de l'atelier de concertation organisé avec les organisations de la société civile, puis complétées au cours des missions de terrain. Elles ont été retenues parce qu'elles sont simples, peu coûteuses et reproductibles dans des communes de tailles différentes.",
    ),
    p(
      "Elles ne constituent pas des modèles à copier à l'identique : chaque commune doit les adapter à ses moyens, à son territoire et au degré d'organisation de sa société civile.",
    ),
  ),
  [
    section(
      "Rendre l'information municipale accessible",
      doc(
        p(
          "La première étape de l'ouverture est souvent la plus simple : faire en sorte que l'information qui existe déjà soit effectivement accessible. Plusieurs communes ont commencé par leur tableau d'affichage avant de passer au numérique.",
        ),
        ul([
          [
            b('Le budget citoyen'),
            " : une présentation du budget en quelques pages illustrées, en arabe et en langage courant, expliquant d'où viennent les recettes et comment elles sont dépensées ;",
          ],
          [
            b("L'affichage systématique"),
            ' des ordres du jour du conseil municipal, des procès-verbaux et des décisions, au siège de la commune comme en ligne ;',
          ],
          [
            b('Le guide des procédures'),
            ' : une fiche par démarche administrative, indiquant les pièces à fournir, les délais et les frais ;',
          ],
          [
            b('Le suivi des chantiers'),
            " : un panneau sur chaque chantier précisant la nature des travaux, le coût, l'entreprise titulaire et le délai prévu.",
          ],
        ]),
        p(
          "Ces outils gagnent à être conçus avec les usagers : une association de quartier ou un groupe d'étudiants peut tester une fiche de procédure et signaler ce qui n'est pas clair.",
        ),
      ),
    ),
    section(
      'Associer les habitants aux décisions',
      doc(
        p(
          "Au-delà des réunions publiques prévues par les textes, des communes ont expérimenté des formats variés pour associer les habitants. Leur point commun : des règles connues à l'avance et un retour systématique sur ce qui a été décidé.",
        ),
        h(3, 'Quelques formats éprouvés'),
        ul([
          [
            b('Le budget participatif'),
            " : une enveloppe d'investissement dont l'affectation est décidée avec les habitants, selon un cycle annuel de propositions, d'arbitrage et de vote (voir le cas n° 1) ;",
          ],
          [
            b('Les réunions de quartier'),
            ", tenues à des horaires adaptés et dans des lieux de proximité — école, maison des jeunes, local associatif — plutôt qu'au seul siège de la commune ;",
          ],
          [
            b('Les commissions ouvertes'),
            ' : certaines commissions municipales invitent, à titre consultatif, des représentants associatifs ou des personnes-ressources du territoire ;',
          ],
          [
            b('Les balades urbaines'),
            ' : un diagnostic du quartier réalisé en marchant, avec les habitants, les élus et les techniciens.',
          ],
        ]),
        quote(
          p(
            b("Pratique relevée lors de l'atelier : "),
            'réserver une partie du temps de parole, dans chaque réunion publique, aux femmes et aux jeunes, et organiser des réunions spécifiques lorsque leur participation reste faible.',
          ),
        ),
      ),
    ),
    section(
      "Le numérique au service de l'ouverture",
      doc(
        p(
          "Les technologies de l'information offrent aux communes de nouveaux moyens pour publier, dialoguer et améliorer leurs services. Elles ne remplacent pas le contact direct, mais elles permettent de toucher des publics qui ne se déplacent pas au siège de la commune, notamment les jeunes.",
        ),
        ul([
          [
            b('La publication de données ouvertes'),
            " : budget, liste des équipements, marchés attribués, publiés dans des formats réutilisables — un tableur plutôt qu'un PDF scanné ;",
          ],
          [
            b('La participation en ligne'),
            " : questionnaires, appels à propositions ou votes en ligne, toujours doublés de modalités en présentiel pour ne pas exclure ceux qui n'ont pas accès à Internet ;",
          ],
          [
            b('Le suivi des réclamations en ligne'),
            ", avec un numéro de suivi et une réponse publique lorsque le problème concerne l'espace public ;",
          ],
          [b('La retransmission des séances'), ' du conseil municipal, qui permet à chacun de suivre les débats.'],
        ]),
        p(
          "Un point d'attention : ",
          u('le numérique exige une organisation interne'),
          ". Une page ou une plateforme qui n'est pas mise à jour, des messages laissés sans réponse produisent l'effet inverse de celui recherché. Mieux vaut un seul canal bien tenu que plusieurs canaux abandonnés.",
        ),
      ),
    ),
  ],
);

// ---------------------------------------------------------------------------------------------
// Chapitre 5 — Cas concrets
// ---------------------------------------------------------------------------------------------

const casConcrets = section(
  'Cas concrets et success stories',
  doc(
    p(
      "Les cas présentés ci-dessous ont été collectés auprès des communes et des associations lors de l'atelier de concertation et des missions de terrain. Ils sont rédigés selon une même trame : le contexte, la démarche, les résultats et les enseignements.",
    ),
    p(
      i(
        "Dans cette version provisoire, les noms des communes ont été anonymisés en attendant l'accord écrit des présidents de commune concernés.",
      ),
    ),
  ),
  [
    section(
      "Cas n° 1 : un budget participatif dans une commune de l'intérieur",
      doc(
        h(3, 'Le contexte'),
        p(
          "Une commune de taille moyenne du Centre-Ouest, confrontée à une forte défiance des habitants envers l'institution municipale, souhaitait renouer le dialogue autour des investissements de proximité. Le conseil municipal a décidé de consacrer une part de son budget d'investissement à des projets choisis avec les habitants.",
        ),
        h(3, 'La démarche'),
        ol([
          "Adoption par le conseil municipal d'une charte du budget participatif fixant l'enveloppe, les critères d'éligibilité des projets et le calendrier ;",
          "Organisation de forums dans chaque secteur de la commune, animés avec l'appui d'une association locale, pour recueillir les propositions ;",
          'Étude de faisabilité technique et financière des propositions par les services municipaux, avec une réponse motivée pour chaque projet écarté ;',
          "Vote des habitants sur les projets retenus, secteur par secteur, lors d'une journée ouverte ;",
          'Inscription des projets lauréats au budget et suivi de leur réalisation par un comité mixte réunissant élus et habitants.',
        ]),
        h(3, 'Les résultats'),
        p(
          "Les projets retenus — réfection de trottoirs, éclairage d'une ruelle, aménagement d'un espace de jeux — sont modestes, mais ils ont été réalisés dans l'année et leur avancement a été affiché. Selon les participants, le principal acquis est ailleurs : des habitants qui ne s'adressaient à la commune que pour se plaindre ont découvert les contraintes de la gestion municipale et se sont impliqués dans le suivi des travaux.",
        ),
        h(3, 'Les enseignements'),
        ul([
          'La crédibilité de la démarche repose sur la réalisation effective et rapide des projets votés ;',
          'Les réponses motivées aux propositions écartées comptent autant que les projets retenus ;',
          "L'appui d'une association locale facilite la mobilisation, mais la commune doit rester garante des règles du jeu.",
        ]),
        quote(
          p(
            "« Pour la première fois, on nous a demandé notre avis avant de décider, et on a vu le résultat. »",
            br(),
            i('— Une habitante ayant participé au forum de son secteur'),
          ),
        ),
      ),
    ),
    section(
      'Cas n° 2 : متابعة مطالب المواطنين وعرائضهم',
      doc(
        p(
          i(
            "Étude de cas rédigée en arabe par un formateur du CEFAD à la suite d'une mission de terrain. Une traduction française sera intégrée dans la version finale du guide.",
          ),
        ),
        h(3, 'السياق'),
        p(
          'في إحدى البلديات الساحلية المتوسطة الحجم، كان المتساكنون يشتكون من ضياع مطالبهم المتعلقة بالإنارة العمومية ورفع الفضلات وصيانة الطرقات، إذ كانت هذه المطالب تُقدَّم شفاهياً أو على أوراق متفرقة، ولم يكن هناك أي سجل موحّد يسمح بمتابعتها. وقد أدّى ذلك إلى تراجع ثقة المواطنين في البلدية وإلى تكرار تنقلهم إلى مقرها دون جدوى.',
        ),
        h(3, 'المقاربة المعتمدة'),
        p(
          'بمبادرة من مكتب العلاقة مع المواطن، وبالتعاون مع جمعية محلية ناشطة في مجال المواطنة، وُضع سجل موحّد للمطالب والعرائض يُسنَد فيه لكل مطلب رقم متابعة يُسلَّم إلى صاحبه، ثم يُحال المطلب إلى المصلحة المعنية مع تحديد أجل للرد.',
        ),
        p(
          'وتنشر البلدية كل شهر جدولاً مبسّطاً يبيّن عدد المطالب الواردة حسب نوعها، والمطالب التي تمت معالجتها، وتلك التي ما زالت قيد الدرس، وذلك على لوحة الإعلانات بمقر البلدية وعلى صفحتها الرسمية. كما يُعرض هذا الجدول على المجلس البلدي بصفة دورية لمناقشته.',
        ),
        h(3, 'أبرز النتائج'),
        ul([
          'أصبح المواطن قادراً على متابعة مطلبه دون التنقل المتكرر إلى مقر البلدية؛',
          'تمكّن المجلس البلدي من تحديد الأحياء والمصالح التي تتراكم فيها الإشكاليات، وتوجيه جزء من الاعتمادات نحوها؛',
          'تحسّنت العلاقة بين الأعوان والمتساكنين بفضل وضوح الإجراءات وآجال الرد.',
        ]),
        h(3, 'الدروس المستخلصة'),
        p(
          'لا تتطلب هذه المبادرة موارد مالية كبيرة، بل تتطلب التزاماً واضحاً من رئيس البلدية، وعوناً مكلّفاً بالمتابعة، ونشراً منتظماً للنتائج حتى وإن لم تكن مُرضية في البداية. ',
          b('فالشفافية في عرض النقائص هي التي تصنع المصداقية.'),
        ),
      ),
    ),
    section(
      'Cas n° 3 : des séances du conseil municipal ouvertes à tous',
      doc(
        p(
          b('Brouillon. '),
          "Une commune du littoral diffuse désormais en direct les séances de son conseil municipal et publie l'ordre du jour une semaine à l'avance. Une association de jeunes du quartier assure la captation vidéo et l'animation d'un court temps d'échange avec les internautes après chaque séance.",
        ),
        p(
          i(
            "À compléter par l'équipe CEFAD après l'atelier du 26 avril : témoignages des élus et de l'association, difficultés rencontrées (qualité du son, modération des commentaires), photos avec autorisation des personnes.",
          ),
        ),
      ),
    ),
  ],
);

// ---------------------------------------------------------------------------------------------
// Chapitre 6 — Annexes
// ---------------------------------------------------------------------------------------------

const annexes = section(
  'Annexes',
  doc(
    p(
      "Les annexes rassemblent des outils de référence à consulter au fil de la lecture. Elles seront enrichies à l'issue de la phase de relecture par le comité de pilotage.",
    ),
  ),
  [
    section(
      'Glossaire bilingue',
      doc(
        p(
          "Les termes ci-dessous sont présentés avec leur équivalent arabe usuel dans l'administration tunisienne, afin de faciliter l'usage du guide dans les deux langues de travail des communes.",
        ),
        ul([
          [
            b("Accès à l'information"),
            " (النفاذ إلى المعلومة) : droit de toute personne d'obtenir les informations détenues par les organismes publics, dans les limites fixées par la loi.",
          ],
          [
            b('Budget participatif'),
            " (الميزانية التشاركية) : dispositif par lequel les habitants proposent et choisissent une partie des projets d'investissement de la commune.",
          ],
          [
            b("Conflit d'intérêts"),
            " (تضارب المصالح) : situation dans laquelle un intérêt personnel peut influencer, ou sembler influencer, l'exercice impartial d'une fonction publique.",
          ],
          [
            b('Données ouvertes'),
            ' (البيانات المفتوحة) : données publiques mises à disposition dans un format qui permet leur libre réutilisation.',
          ],
          [
            b('Gouvernement ouvert'),
            " (الحكومة المفتوحة) : approche de l'action publique fondée sur la transparence, la participation, la redevabilité et l'intégrité, en s'appuyant notamment sur l'innovation numérique.",
          ],
          [
            b('Intégrité'),
            " (النزاهة) : respect des règles éthiques garantissant que l'intérêt général prime sur les intérêts particuliers.",
          ],
          [
            b('Participation citoyenne'),
            " (المشاركة المواطنية) : contribution des habitants à la préparation, au suivi et à l'évaluation des décisions publiques.",
          ],
          [
            b('Publication proactive'),
            " (النشر الاستباقي) : diffusion, à l'initiative de l'administration, des informations d'intérêt public sans attendre une demande.",
          ],
          [
            b('Redevabilité'),
            " (المساءلة) : obligation de rendre compte de ses décisions, de ses résultats et de l'usage des moyens publics.",
          ],
        ]),
      ),
    ),
    section(
      'Textes de référence et ressources utiles',
      doc(
        h(3, 'Textes juridiques'),
        ul([
          'Constitution de la République tunisienne de 2014 — chapitre relatif au pouvoir local ;',
          "Loi organique n° 2016-22 du 24 mars 2016 relative au droit d'accès à l'information ;",
          'Loi organique n° 2018-29 du 9 mai 2018 relative au Code des collectivités locales.',
        ]),
        h(3, 'Ressources'),
        ul([
          "Plans d'action nationaux de la Tunisie au titre du Partenariat pour un gouvernement ouvert ;",
          'Supports de formation du CEFAD sur la démocratie participative et la gouvernance locale ;',
          "Guides et fiches pratiques produits par les associations ayant participé à l'atelier de concertation.",
        ]),
        p(
          i(
            "Liste à compléter : ajouter les références des textes d'application et les liens vers les portails officiels, une fois vérifiés par l'équipe projet.",
          ),
        ),
      ),
    ),
    section(
      "Fiche d'auto-diagnostic : notre commune est-elle ouverte ?",
      doc(
        p(
          "Cette grille permet à une équipe municipale de faire le point, en une demi-journée, sur ses pratiques d'ouverture. Elle peut être remplie en réunion avec le secrétaire général, les chefs de service et un ou deux élus, puis partagée avec les associations locales.",
        ),
        ol([
          'Les ordres du jour et les procès-verbaux du conseil municipal sont-ils publiés, et dans quel délai ?',
          'Le budget est-il présenté sous une forme compréhensible par un habitant non spécialiste ?',
          "Un responsable de l'accès à l'information est-il désigné, et connu des services comme du public ?",
          'Les procédures les plus courantes sont-elles affichées avec leurs pièces, délais et coûts ?',
          "Les réclamations sont-elles enregistrées, suivies et font-elles toutes l'objet d'une réponse ?",
          "Les habitants ont-ils été associés à au moins une décision d'investissement au cours de l'année écoulée ?",
          "Existe-t-il une règle écrite sur la prévention des conflits d'intérêts pour les élus et les agents ?",
        ]),
        p(
          'Pour chaque question, on pourra situer la commune sur une échelle simple — ',
          i('pas encore'),
          ', ',
          i('en cours'),
          ', ',
          i('acquis'),
          " — puis retenir une action d'amélioration réaliste pour les six prochains mois.",
        ),
        hr(),
        p(i('Grille à finaliser avec les formateurs CEFAD lors de la troisième mission ; prévoir une version arabe.')),
      ),
    ),
  ],
);

// ---------------------------------------------------------------------------------------------

export const demoGuide: { title: string; language: 'fr'; sections: DemoSection[] } = {
  title: 'Guide pratique des principes du gouvernement ouvert au niveau local',
  language: 'fr',
  sections: [introduction, principes, enjeux, bonnesPratiques, casConcrets, richContentChapter, annexes],
};
