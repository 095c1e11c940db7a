/*
 * i18n.c - the table of languages: generated words, dates, LaTeX names
 * (see i18n.h; docs/output.md explains the choices).
 *
 * Labels that a list of references follows use a colon where the
 * language's grammar would otherwise want an article or agreement with
 * the list ("Recommandations associées : Recommandation 2 et
 * Recommandation 5"); English keeps its verb ("Addressed by ...").
 */
#include "i18n.h"

#include <stdio.h>
#include <string.h>

#define EN_MONTHS {"January", "February", "March", "April", "May", "June", "July", \
	"August", "September", "October", "November", "December"}
#define CJK_MONTHS {"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"}

#define EN_WORDS { \
	[I18N_FINDING] = "Finding", \
	[I18N_RECOMMENDATION] = "Recommendation", \
	[I18N_TABLE] = "Table", \
	[I18N_FIGURE] = "Figure", \
	[I18N_BOX] = "Box", \
	[I18N_CONTENTS] = "Contents", \
	[I18N_SOURCES] = "Sources", \
	[I18N_NOTES] = "Notes", \
	[I18N_GLOSSARY] = "Glossary", \
	[I18N_OTHER_RECOMMENDATIONS] = "Other recommendations", \
	[I18N_KEY_POINTS] = "Key points", \
	[I18N_NOTE] = "Note", \
	[I18N_DISCLAIMER] = "Disclaimer", \
	[I18N_DRAFT] = "Draft", \
	[I18N_CONFIDENCE] = "Confidence", \
	[I18N_EVIDENCE] = "Evidence", \
	[I18N_AREA] = "Area", \
	[I18N_ACTOR] = "Actor", \
	[I18N_PRIORITY] = "Priority", \
	[I18N_HORIZON] = "Horizon", \
	[I18N_HIGH] = "high", \
	[I18N_MEDIUM] = "medium", \
	[I18N_LOW] = "low", \
	[I18N_ADDRESSED_BY] = "Addressed by ", \
	[I18N_ADDRESSED_BY_MANY] = "Addressed by ", \
	[I18N_ADDRESSES] = "Addresses ", \
	[I18N_ADDRESSES_MANY] = "Addresses ", \
	[I18N_LOGO] = "Logo", \
	[I18N_MAP_CAPTION] = "Evidence map: the sources each finding cites, and the findings each recommendation addresses", \
	[I18N_MAP_KEY] = "Key", \
	[I18N_MAP_ALT] = "Diagram of the argument: ", \
	[I18N_MAP_SOURCES_ONE] = "# source", \
	[I18N_MAP_SOURCES_MANY] = "# sources", \
	[I18N_MAP_FINDINGS_ONE] = "# finding", \
	[I18N_MAP_FINDINGS_MANY] = "# findings", \
	[I18N_MAP_RECS_ONE] = "# recommendation", \
	[I18N_MAP_RECS_MANY] = "# recommendations", \
	[I18N_MAP_AREAS_ONE] = " in # area", \
	[I18N_MAP_AREAS_MANY] = " in # areas", \
	[I18N_MAP_COLUMNS] = ", in three columns, with an arrow from each source to each finding that cites it and from each finding to each recommendation that addresses it.", \
	[I18N_MAP_UNSUPPORTED_ONE] = " # finding or recommendation rests on no evidence.", \
	[I18N_MAP_UNSUPPORTED_MANY] = " # findings or recommendations rest on no evidence.", \
	[I18N_MAP_UNADDRESSED_ONE] = " # finding is addressed by no recommendation.", \
	[I18N_MAP_UNADDRESSED_MANY] = " # findings are addressed by no recommendation.", \
	[I18N_MAP_UNCITED_ONE] = " # source is cited by no finding.", \
	[I18N_MAP_UNCITED_MANY] = " # sources are cited by no finding.", \
	[I18N_MAP_KEY_READ] = "Sources on the left, findings in the middle, recommendations on the right, grouped by area; each arrow runs from what supports to what rests on it.", \
	[I18N_MAP_KEY_UNSUPPORTED] = " A dashed red outline marks what rests on no evidence.", \
	[I18N_MAP_KEY_UNADDRESSED] = " A double orange outline marks a finding no recommendation addresses.", \
	[I18N_MAP_KEY_UNCITED] = " A dashed grey outline marks a source no finding cites.", \
	[I18N_MAP_LACK_UNCITED] = "(cited by no finding)", \
	[I18N_MAP_LACK_BOTH] = "(!) NO EVIDENCE, NO RECOMMENDATION", \
	[I18N_MAP_LACK_EVIDENCE] = "(!) NO EVIDENCE", \
	[I18N_MAP_LACK_RECOMMENDATION] = "(!) NO RECOMMENDATION", \
	[I18N_MAP_LACK_REC_EVIDENCE] = "(!) RESTS ON NO EVIDENCE", \
	[I18N_MAP_NO_AREA] = "(no area)", \
	[I18N_MAP_PART_FIRST] = " (part 1 of #)", \
	[I18N_MAP_PART] = "The evidence map, continued (part # of #)", \
	[I18N_SOURCE_ONE] = "Source", \
	[I18N_SOURCE_MANY] = "Sources", \
	[I18N_FLOAT_NOTE] = "Note", \
	[I18N_LABEL_COLON] = ":", \
	[I18N_LABEL_SPACE] = " ", \
	[I18N_CONTINUED] = "continued", \
	[I18N_VERSION] = "Version ", \
	[I18N_UPDATED] = "Updated ", \
	[I18N_UPDATED_DAY] = "Updated ", \
	[I18N_ACCESSED] = "Accessed ", \
	[I18N_ACCESSED_DAY] = "Accessed ", \
	[I18N_TYPE_REPORT] = "report", \
	[I18N_TYPE_LAW] = "law", \
	[I18N_TYPE_TREATY] = "treaty", \
	[I18N_TYPE_STATEMENT] = "statement", \
	[I18N_TYPE_DATASET] = "dataset", \
	[I18N_TYPE_ARTICLE] = "article", \
	[I18N_LIST_SEP] = ", ", \
	[I18N_AND] = " and ", \
	[I18N_FULL_STOP] = ".", \
	[I18N_CITED_ON] = "Cited on p.", \
	[I18N_BACK_TO_CITATION] = "Back to citation ", \
	[I18N_BACK_TO_MARK] = "Back to the text of mark ", \
	[I18N_PAGE_BEFORE] = "Page ", \
	[I18N_PAGE_OF] = " of ", \
	[I18N_PAGE_AFTER] = "", \
}

/* Chinese, simplified and traditional: the words that differ. */
#define ZH_COMMON \
	[I18N_TABLE] = "表", \
	[I18N_CONFIDENCE] = "可信度", \
	[I18N_HIGH] = "高", \
	[I18N_MEDIUM] = "中", \
	[I18N_LOW] = "低", \
	[I18N_TYPE_LAW] = "法律", \
	[I18N_LIST_SEP] = "、", \
	[I18N_AND] = "和", \
	[I18N_FULL_STOP] = "。", \
	[I18N_LABEL_COLON] = "\xEF\xBC\x9A", \
	[I18N_LABEL_SPACE] = "", \
	[I18N_PAGE_BEFORE] = "第 "

static const i18n_lang langs[] = {
	{"en", "English", "english", NULL, false, I18N_DMY, NULL, EN_MONTHS, EN_WORDS, false},
	{"en-US", "English (United States)", "american", NULL, true, I18N_MDY, NULL,
	 EN_MONTHS, EN_WORDS, false},
	{"en-CA", "English (Canada)", "canadian", NULL, true, I18N_DMY, NULL, EN_MONTHS,
	 EN_WORDS, false},
	{"en-GB", "English (United Kingdom)", "british", "british english", false, I18N_DMY,
	 NULL, EN_MONTHS, EN_WORDS, false},
	{"fr", "French", "french", "french nohyphenation", false, I18N_DMY, "1er",
	 {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
	  "septembre", "octobre", "novembre", "décembre"},
	 {
		[I18N_FINDING] = "Constat",
		[I18N_RECOMMENDATION] = "Recommandation",
		[I18N_TABLE] = "Tableau",
		[I18N_FIGURE] = "Figure",
		[I18N_BOX] = "Encadré",
		[I18N_CONTENTS] = "Sommaire",
		[I18N_SOURCES] = "Sources",
		[I18N_NOTES] = "Notes",
		[I18N_GLOSSARY] = "Sigles et acronymes",
		[I18N_OTHER_RECOMMENDATIONS] = "Autres recommandations",
		[I18N_KEY_POINTS] = "Points clés",
		[I18N_NOTE] = "Remarque",
		[I18N_DISCLAIMER] = "Avertissement",
		[I18N_DRAFT] = "Version provisoire",
		[I18N_CONFIDENCE] = "Degré de confiance",
		[I18N_EVIDENCE] = "Sources",
		[I18N_AREA] = "Domaine",
		[I18N_ACTOR] = "Responsable",
		[I18N_PRIORITY] = "Priorité",
		[I18N_HORIZON] = "Échéance",
		[I18N_HIGH] = "élevée",
		[I18N_MEDIUM] = "moyenne",
		[I18N_LOW] = "faible",
		/* French sets a no-break space before the colon */
		[I18N_ADDRESSED_BY] = "Recommandation associée\xC2\xA0: ",
		[I18N_ADDRESSED_BY_MANY] = "Recommandations associées\xC2\xA0: ",
		[I18N_ADDRESSES] = "Constat traité\xC2\xA0: ",
		[I18N_ADDRESSES_MANY] = "Constats traités\xC2\xA0: ",
		[I18N_LOGO] = "Logo",
		[I18N_MAP_CAPTION] = "Carte des sources\xC2\xA0: les sources que cite chaque constat, et les constats que traite chaque recommandation",
		[I18N_MAP_KEY] = "Légende",
		[I18N_MAP_ALT] = "Schéma de l’argumentation\xC2\xA0: ",
		[I18N_MAP_SOURCES_ONE] = "# source",
		[I18N_MAP_SOURCES_MANY] = "# sources",
		[I18N_MAP_FINDINGS_ONE] = "# constat",
		[I18N_MAP_FINDINGS_MANY] = "# constats",
		[I18N_MAP_RECS_ONE] = "# recommandation",
		[I18N_MAP_RECS_MANY] = "# recommandations",
		[I18N_MAP_AREAS_ONE] = " dans # domaine",
		[I18N_MAP_AREAS_MANY] = " dans # domaines",
		[I18N_MAP_COLUMNS] = ", sur trois colonnes, avec une flèche de chaque source vers chaque constat qui la cite et de chaque constat vers chaque recommandation qui le traite.",
		[I18N_MAP_UNSUPPORTED_ONE] = " # constat ou recommandation ne s’appuie sur aucune source.",
		[I18N_MAP_UNSUPPORTED_MANY] = " # constats ou recommandations ne s’appuient sur aucune source.",
		[I18N_MAP_UNADDRESSED_ONE] = " # constat n’est traité par aucune recommandation.",
		[I18N_MAP_UNADDRESSED_MANY] = " # constats ne sont traités par aucune recommandation.",
		[I18N_MAP_UNCITED_ONE] = " # source n’est citée par aucun constat.",
		[I18N_MAP_UNCITED_MANY] = " # sources ne sont citées par aucun constat.",
		[I18N_MAP_KEY_READ] = "Les sources à gauche, les constats au centre, les recommandations à droite, regroupées par domaine. Chaque flèche va de ce qui étaye vers ce qui s’appuie dessus.",
		[I18N_MAP_KEY_UNSUPPORTED] = " Un contour rouge en tirets signale ce qui ne s’appuie sur aucune source.",
		[I18N_MAP_KEY_UNADDRESSED] = " Un double contour orange signale un constat qu’aucune recommandation ne traite.",
		[I18N_MAP_KEY_UNCITED] = " Un contour gris en tirets signale une source qu’aucun constat ne cite.",
		[I18N_MAP_LACK_UNCITED] = "(citée par aucun constat)",
		[I18N_MAP_LACK_BOTH] = "(!) AUCUNE SOURCE, AUCUNE RECOMMANDATION",
		[I18N_MAP_LACK_EVIDENCE] = "(!) AUCUNE SOURCE",
		[I18N_MAP_LACK_RECOMMENDATION] = "(!) AUCUNE RECOMMANDATION",
		[I18N_MAP_LACK_REC_EVIDENCE] = "(!) NE S’APPUIE SUR AUCUNE SOURCE",
		[I18N_MAP_NO_AREA] = "(sans domaine)",
		[I18N_MAP_PART_FIRST] = " (partie 1 sur #)",
		[I18N_MAP_PART] = "Carte des sources, suite (partie # sur #)",
		[I18N_SOURCE_ONE] = "Source",
		[I18N_SOURCE_MANY] = "Sources",
		[I18N_FLOAT_NOTE] = "Note",
		/* French sets a no-break space before the colon */
		[I18N_LABEL_COLON] = "\xC2\xA0:",
		[I18N_LABEL_SPACE] = " ",
		[I18N_CONTINUED] = "suite",
		[I18N_VERSION] = "Version ",
		[I18N_UPDATED] = "Mis à jour en ",
		[I18N_UPDATED_DAY] = "Mis à jour le ",
		[I18N_ACCESSED] = "Consulté en ",
		[I18N_ACCESSED_DAY] = "Consulté le ",
		[I18N_TYPE_REPORT] = "rapport",
		[I18N_TYPE_LAW] = "loi",
		[I18N_TYPE_TREATY] = "traité",
		[I18N_TYPE_STATEMENT] = "déclaration",
		[I18N_TYPE_DATASET] = "jeu de données",
		[I18N_TYPE_ARTICLE] = "article",
		[I18N_LIST_SEP] = ", ",
		[I18N_AND] = " et ",
		[I18N_FULL_STOP] = ".",
		[I18N_BACK_TO_CITATION] = "Retour à la citation ",
		[I18N_BACK_TO_MARK] = "Retour au texte de l’appel ",
		[I18N_CITED_ON] = "Cité p.",
		[I18N_PAGE_BEFORE] = "Page ",
		[I18N_PAGE_OF] = " sur ",
		[I18N_PAGE_AFTER] = "",
	 },
	 /* "0 constat", like "1 constat" */
	 true},
	{"de", "German", "ngerman", "ngerman nohyphenation", false, I18N_DMY_DOT, NULL,
	 {"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
	  "September", "Oktober", "November", "Dezember"},
	 {
		[I18N_FINDING] = "Befund",
		[I18N_RECOMMENDATION] = "Empfehlung",
		[I18N_TABLE] = "Tabelle",
		[I18N_FIGURE] = "Abbildung",
		[I18N_BOX] = "Kasten",
		[I18N_CONTENTS] = "Inhalt",
		[I18N_SOURCES] = "Quellen",
		[I18N_NOTES] = "Anmerkungen",
		[I18N_GLOSSARY] = "Abkürzungen",
		[I18N_OTHER_RECOMMENDATIONS] = "Weitere Empfehlungen",
		[I18N_KEY_POINTS] = "Das Wichtigste in Kürze",
		[I18N_NOTE] = "Hinweis",
		[I18N_DISCLAIMER] = "Haftungsausschluss",
		[I18N_DRAFT] = "Entwurf",
		[I18N_CONFIDENCE] = "Aussagesicherheit",
		[I18N_EVIDENCE] = "Belege",
		[I18N_AREA] = "Bereich",
		[I18N_ACTOR] = "Zuständig",
		[I18N_PRIORITY] = "Priorität",
		[I18N_HORIZON] = "Zeithorizont",
		[I18N_HIGH] = "hoch",
		[I18N_MEDIUM] = "mittel",
		[I18N_LOW] = "niedrig",
		[I18N_ADDRESSED_BY] = "Zugehörige Empfehlung: ",
		[I18N_ADDRESSED_BY_MANY] = "Zugehörige Empfehlungen: ",
		[I18N_ADDRESSES] = "Bezieht sich auf ",
		[I18N_ADDRESSES_MANY] = "Bezieht sich auf ",
		[I18N_LOGO] = "Logo",
		[I18N_MAP_CAPTION] = "Quellenkarte: die Quellen, auf die sich jeder Befund stützt, und die Befunde, auf die jede Empfehlung antwortet",
		[I18N_MAP_KEY] = "Legende",
		[I18N_MAP_ALT] = "Schaubild der Argumentation: ",
		[I18N_MAP_SOURCES_ONE] = "# Quelle",
		[I18N_MAP_SOURCES_MANY] = "# Quellen",
		[I18N_MAP_FINDINGS_ONE] = "# Befund",
		[I18N_MAP_FINDINGS_MANY] = "# Befunde",
		[I18N_MAP_RECS_ONE] = "# Empfehlung",
		[I18N_MAP_RECS_MANY] = "# Empfehlungen",
		[I18N_MAP_AREAS_ONE] = " in # Bereich",
		[I18N_MAP_AREAS_MANY] = " in # Bereichen",
		[I18N_MAP_COLUMNS] = ", in drei Spalten, mit einem Pfeil von jeder Quelle zu jedem Befund, der sie zitiert, und von jedem Befund zu jeder Empfehlung, die sich auf ihn bezieht.",
		[I18N_MAP_UNSUPPORTED_ONE] = " # Befund oder Empfehlung stützt sich auf keine Quelle.",
		[I18N_MAP_UNSUPPORTED_MANY] = " # Befunde oder Empfehlungen stützen sich auf keine Quelle.",
		[I18N_MAP_UNADDRESSED_ONE] = " Auf # Befund bezieht sich keine Empfehlung.",
		[I18N_MAP_UNADDRESSED_MANY] = " Auf # Befunde bezieht sich keine Empfehlung.",
		[I18N_MAP_UNCITED_ONE] = " # Quelle wird von keinem Befund zitiert.",
		[I18N_MAP_UNCITED_MANY] = " # Quellen werden von keinem Befund zitiert.",
		[I18N_MAP_KEY_READ] = "Links die Quellen, in der Mitte die Befunde, rechts die Empfehlungen, nach Bereichen gruppiert; jeder Pfeil führt von dem, was stützt, zu dem, was darauf beruht.",
		[I18N_MAP_KEY_UNSUPPORTED] = " Ein rot gestrichelter Rahmen kennzeichnet, was sich auf keine Quelle stützt.",
		[I18N_MAP_KEY_UNADDRESSED] = " Ein doppelter orangefarbener Rahmen kennzeichnet einen Befund, auf den sich keine Empfehlung bezieht.",
		[I18N_MAP_KEY_UNCITED] = " Ein grau gestrichelter Rahmen kennzeichnet eine Quelle, die kein Befund zitiert.",
		[I18N_MAP_LACK_UNCITED] = "(von keinem Befund zitiert)",
		[I18N_MAP_LACK_BOTH] = "(!) KEINE QUELLE, KEINE EMPFEHLUNG",
		[I18N_MAP_LACK_EVIDENCE] = "(!) KEINE QUELLE",
		[I18N_MAP_LACK_RECOMMENDATION] = "(!) KEINE EMPFEHLUNG",
		[I18N_MAP_LACK_REC_EVIDENCE] = "(!) STÜTZT SICH AUF KEINE QUELLE",
		[I18N_MAP_NO_AREA] = "(ohne Bereich)",
		[I18N_MAP_PART_FIRST] = " (Teil 1 von #)",
		[I18N_MAP_PART] = "Quellenkarte, Fortsetzung (Teil # von #)",
		[I18N_SOURCE_ONE] = "Quelle",
		[I18N_SOURCE_MANY] = "Quellen",
		[I18N_FLOAT_NOTE] = "Anmerkung",
		[I18N_LABEL_COLON] = ":",
		[I18N_LABEL_SPACE] = " ",
		[I18N_CONTINUED] = "Fortsetzung",
		[I18N_VERSION] = "Version ",
		[I18N_UPDATED] = "Stand: ",
		[I18N_UPDATED_DAY] = "Stand: ",
		[I18N_ACCESSED] = "Abgerufen im ",
		[I18N_ACCESSED_DAY] = "Abgerufen am ",
		[I18N_TYPE_REPORT] = "Bericht",
		[I18N_TYPE_LAW] = "Gesetz",
		[I18N_TYPE_TREATY] = "Vertrag",
		[I18N_TYPE_STATEMENT] = "Erklärung",
		[I18N_TYPE_DATASET] = "Datensatz",
		[I18N_TYPE_ARTICLE] = "Artikel",
		[I18N_LIST_SEP] = ", ",
		[I18N_AND] = " und ",
		[I18N_FULL_STOP] = ".",
		[I18N_BACK_TO_CITATION] = "Zurück zum Zitat ",
		[I18N_BACK_TO_MARK] = "Zurück zur Textstelle ",
		[I18N_CITED_ON] = "Zitiert auf S.",
		[I18N_PAGE_BEFORE] = "Seite ",
		[I18N_PAGE_OF] = " von ",
		[I18N_PAGE_AFTER] = "",
	 }, false},
	{"es", "Spanish", "spanish", "spanish nohyphenation", false, I18N_DMY_DE, NULL,
	 {"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
	  "septiembre", "octubre", "noviembre", "diciembre"},
	 {
		[I18N_FINDING] = "Hallazgo",
		[I18N_RECOMMENDATION] = "Recomendación",
		[I18N_TABLE] = "Cuadro",
		[I18N_FIGURE] = "Figura",
		[I18N_BOX] = "Recuadro",
		[I18N_CONTENTS] = "Índice",
		[I18N_SOURCES] = "Fuentes",
		[I18N_NOTES] = "Notas",
		[I18N_GLOSSARY] = "Siglas y acrónimos",
		[I18N_OTHER_RECOMMENDATIONS] = "Otras recomendaciones",
		[I18N_KEY_POINTS] = "Puntos clave",
		[I18N_NOTE] = "Nota",
		[I18N_DISCLAIMER] = "Aviso legal",
		[I18N_DRAFT] = "Borrador",
		[I18N_CONFIDENCE] = "Grado de confianza",
		[I18N_EVIDENCE] = "Fuentes",
		[I18N_AREA] = "Área",
		[I18N_ACTOR] = "Responsable",
		[I18N_PRIORITY] = "Prioridad",
		[I18N_HORIZON] = "Plazo",
		[I18N_HIGH] = "alta",
		[I18N_MEDIUM] = "media",
		[I18N_LOW] = "baja",
		[I18N_ADDRESSED_BY] = "Recomendación relacionada: ",
		[I18N_ADDRESSED_BY_MANY] = "Recomendaciones relacionadas: ",
		[I18N_ADDRESSES] = "Hallazgo abordado: ",
		[I18N_ADDRESSES_MANY] = "Hallazgos abordados: ",
		[I18N_LOGO] = "Logotipo",
		[I18N_MAP_CAPTION] = "Mapa de la evidencia: las fuentes que cita cada hallazgo y los hallazgos que atiende cada recomendación",
		[I18N_MAP_KEY] = "Leyenda",
		[I18N_MAP_ALT] = "Diagrama de la argumentación: ",
		[I18N_MAP_SOURCES_ONE] = "# fuente",
		[I18N_MAP_SOURCES_MANY] = "# fuentes",
		[I18N_MAP_FINDINGS_ONE] = "# hallazgo",
		[I18N_MAP_FINDINGS_MANY] = "# hallazgos",
		[I18N_MAP_RECS_ONE] = "# recomendación",
		[I18N_MAP_RECS_MANY] = "# recomendaciones",
		[I18N_MAP_AREAS_ONE] = " en # área",
		[I18N_MAP_AREAS_MANY] = " en # áreas",
		[I18N_MAP_COLUMNS] = ", en tres columnas, con una flecha de cada fuente a cada hallazgo que la cita y de cada hallazgo a cada recomendación que lo atiende.",
		[I18N_MAP_UNSUPPORTED_ONE] = " # hallazgo o recomendación no se apoya en ninguna fuente.",
		[I18N_MAP_UNSUPPORTED_MANY] = " # hallazgos o recomendaciones no se apoyan en ninguna fuente.",
		[I18N_MAP_UNADDRESSED_ONE] = " # hallazgo no es atendido por ninguna recomendación.",
		[I18N_MAP_UNADDRESSED_MANY] = " # hallazgos no son atendidos por ninguna recomendación.",
		[I18N_MAP_UNCITED_ONE] = " # fuente no es citada por ningún hallazgo.",
		[I18N_MAP_UNCITED_MANY] = " # fuentes no son citadas por ningún hallazgo.",
		[I18N_MAP_KEY_READ] = "Las fuentes a la izquierda, los hallazgos en el centro y las recomendaciones a la derecha, agrupadas por área; cada flecha va de lo que sustenta a lo que se apoya en ello.",
		[I18N_MAP_KEY_UNSUPPORTED] = " Un contorno rojo discontinuo señala lo que no se apoya en ninguna fuente.",
		[I18N_MAP_KEY_UNADDRESSED] = " Un contorno doble naranja señala un hallazgo que ninguna recomendación atiende.",
		[I18N_MAP_KEY_UNCITED] = " Un contorno gris discontinuo señala una fuente que ningún hallazgo cita.",
		[I18N_MAP_LACK_UNCITED] = "(no citada por ningún hallazgo)",
		[I18N_MAP_LACK_BOTH] = "(!) SIN FUENTES, SIN RECOMENDACIÓN",
		[I18N_MAP_LACK_EVIDENCE] = "(!) SIN FUENTES",
		[I18N_MAP_LACK_RECOMMENDATION] = "(!) SIN RECOMENDACIÓN",
		[I18N_MAP_LACK_REC_EVIDENCE] = "(!) NO SE APOYA EN NINGUNA FUENTE",
		[I18N_MAP_NO_AREA] = "(sin área)",
		[I18N_MAP_PART_FIRST] = " (parte 1 de #)",
		[I18N_MAP_PART] = "Mapa de la evidencia, continuación (parte # de #)",
		[I18N_SOURCE_ONE] = "Fuente",
		[I18N_SOURCE_MANY] = "Fuentes",
		[I18N_FLOAT_NOTE] = "Nota",
		[I18N_LABEL_COLON] = ":",
		[I18N_LABEL_SPACE] = " ",
		[I18N_CONTINUED] = "continuación",
		[I18N_VERSION] = "Versión ",
		[I18N_UPDATED] = "Actualizado en ",
		[I18N_UPDATED_DAY] = "Actualizado el ",
		[I18N_ACCESSED] = "Consultado en ",
		[I18N_ACCESSED_DAY] = "Consultado el ",
		[I18N_TYPE_REPORT] = "informe",
		[I18N_TYPE_LAW] = "ley",
		[I18N_TYPE_TREATY] = "tratado",
		[I18N_TYPE_STATEMENT] = "declaración",
		[I18N_TYPE_DATASET] = "conjunto de datos",
		[I18N_TYPE_ARTICLE] = "artículo",
		[I18N_LIST_SEP] = ", ",
		[I18N_AND] = " y ",
		[I18N_BACK_TO_CITATION] = "Volver a la cita ",
		[I18N_BACK_TO_MARK] = "Volver al texto de la llamada ",
		[I18N_CITED_ON] = "Citado en p.",
		[I18N_FULL_STOP] = ".",
		[I18N_PAGE_BEFORE] = "Página ",
		[I18N_PAGE_OF] = " de ",
		[I18N_PAGE_AFTER] = "",
	 }, false},
	{"pt", "Portuguese", "portuguese", "portuguese nohyphenation", false, I18N_DMY_DE,
	 NULL,
	 {"janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto",
	  "setembro", "outubro", "novembro", "dezembro"},
	 {
		[I18N_FINDING] = "Constatação",
		[I18N_RECOMMENDATION] = "Recomendação",
		[I18N_TABLE] = "Tabela",
		[I18N_FIGURE] = "Figura",
		[I18N_BOX] = "Caixa",
		[I18N_CONTENTS] = "Índice",
		[I18N_SOURCES] = "Fontes",
		[I18N_NOTES] = "Notas",
		[I18N_GLOSSARY] = "Siglas",
		[I18N_OTHER_RECOMMENDATIONS] = "Outras recomendações",
		[I18N_KEY_POINTS] = "Pontos-chave",
		[I18N_NOTE] = "Nota",
		[I18N_DISCLAIMER] = "Aviso legal",
		[I18N_DRAFT] = "Versão preliminar",
		[I18N_CONFIDENCE] = "Grau de confiança",
		[I18N_EVIDENCE] = "Fontes",
		[I18N_AREA] = "Área",
		[I18N_ACTOR] = "Responsável",
		[I18N_PRIORITY] = "Prioridade",
		[I18N_HORIZON] = "Prazo",
		[I18N_HIGH] = "alta",
		[I18N_MEDIUM] = "média",
		[I18N_LOW] = "baixa",
		[I18N_ADDRESSED_BY] = "Recomendação relacionada: ",
		[I18N_ADDRESSED_BY_MANY] = "Recomendações relacionadas: ",
		[I18N_ADDRESSES] = "Constatação abordada: ",
		[I18N_ADDRESSES_MANY] = "Constatações abordadas: ",
		[I18N_LOGO] = "Logótipo",
		[I18N_MAP_CAPTION] = "Mapa da evidência: as fontes que cada constatação cita e as constatações a que cada recomendação responde",
		[I18N_MAP_KEY] = "Legenda",
		[I18N_MAP_ALT] = "Diagrama da argumentação: ",
		[I18N_MAP_SOURCES_ONE] = "# fonte",
		[I18N_MAP_SOURCES_MANY] = "# fontes",
		[I18N_MAP_FINDINGS_ONE] = "# constatação",
		[I18N_MAP_FINDINGS_MANY] = "# constatações",
		[I18N_MAP_RECS_ONE] = "# recomendação",
		[I18N_MAP_RECS_MANY] = "# recomendações",
		[I18N_MAP_AREAS_ONE] = " em # área",
		[I18N_MAP_AREAS_MANY] = " em # áreas",
		[I18N_MAP_COLUMNS] = ", em três colunas, com uma seta de cada fonte para cada constatação que a cita e de cada constatação para cada recomendação que lhe responde.",
		[I18N_MAP_UNSUPPORTED_ONE] = " # constatação ou recomendação não assenta em nenhuma fonte.",
		[I18N_MAP_UNSUPPORTED_MANY] = " # constatações ou recomendações não assentam em nenhuma fonte.",
		[I18N_MAP_UNADDRESSED_ONE] = " # constatação não é abordada por nenhuma recomendação.",
		[I18N_MAP_UNADDRESSED_MANY] = " # constatações não são abordadas por nenhuma recomendação.",
		[I18N_MAP_UNCITED_ONE] = " # fonte não é citada por nenhuma constatação.",
		[I18N_MAP_UNCITED_MANY] = " # fontes não são citadas por nenhuma constatação.",
		[I18N_MAP_KEY_READ] = "As fontes à esquerda, as constatações ao centro e as recomendações à direita, agrupadas por área; cada seta vai do que fundamenta para o que nisso assenta.",
		[I18N_MAP_KEY_UNSUPPORTED] = " Um contorno vermelho tracejado assinala o que não assenta em nenhuma fonte.",
		[I18N_MAP_KEY_UNADDRESSED] = " Um contorno duplo cor de laranja assinala uma constatação que nenhuma recomendação aborda.",
		[I18N_MAP_KEY_UNCITED] = " Um contorno cinzento tracejado assinala uma fonte que nenhuma constatação cita.",
		[I18N_MAP_LACK_UNCITED] = "(não citada por nenhuma constatação)",
		[I18N_MAP_LACK_BOTH] = "(!) SEM FONTES, SEM RECOMENDAÇÃO",
		[I18N_MAP_LACK_EVIDENCE] = "(!) SEM FONTES",
		[I18N_MAP_LACK_RECOMMENDATION] = "(!) SEM RECOMENDAÇÃO",
		[I18N_MAP_LACK_REC_EVIDENCE] = "(!) NÃO ASSENTA EM NENHUMA FONTE",
		[I18N_MAP_NO_AREA] = "(sem área)",
		[I18N_MAP_PART_FIRST] = " (parte 1 de #)",
		[I18N_MAP_PART] = "Mapa da evidência, continuação (parte # de #)",
		[I18N_SOURCE_ONE] = "Fonte",
		[I18N_SOURCE_MANY] = "Fontes",
		[I18N_FLOAT_NOTE] = "Nota",
		[I18N_LABEL_COLON] = ":",
		[I18N_LABEL_SPACE] = " ",
		[I18N_CONTINUED] = "continuação",
		[I18N_VERSION] = "Versão ",
		[I18N_UPDATED] = "Atualizado em ",
		[I18N_UPDATED_DAY] = "Atualizado em ",
		[I18N_ACCESSED] = "Acesso em ",
		[I18N_ACCESSED_DAY] = "Acesso em ",
		[I18N_TYPE_REPORT] = "relatório",
		[I18N_TYPE_LAW] = "lei",
		[I18N_TYPE_TREATY] = "tratado",
		[I18N_TYPE_STATEMENT] = "declaração",
		[I18N_TYPE_DATASET] = "conjunto de dados",
		[I18N_TYPE_ARTICLE] = "artigo",
		[I18N_BACK_TO_CITATION] = "Voltar à citação ",
		[I18N_BACK_TO_MARK] = "Voltar ao texto da chamada ",
		[I18N_CITED_ON] = "Citado na p.",
		[I18N_LIST_SEP] = ", ",
		[I18N_AND] = " e ",
		[I18N_FULL_STOP] = ".",
		[I18N_PAGE_BEFORE] = "Página ",
		[I18N_PAGE_OF] = " de ",
		[I18N_PAGE_AFTER] = "",
	 }, false},
	{"it", "Italian", "italian", "italian nohyphenation", false, I18N_DMY, "1º",
	 {"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
	  "settembre", "ottobre", "novembre", "dicembre"},
	 {
		[I18N_FINDING] = "Constatazione",
		[I18N_RECOMMENDATION] = "Raccomandazione",
		[I18N_TABLE] = "Tabella",
		[I18N_FIGURE] = "Figura",
		[I18N_BOX] = "Riquadro",
		[I18N_CONTENTS] = "Indice",
		[I18N_SOURCES] = "Fonti",
		[I18N_NOTES] = "Note",
		[I18N_GLOSSARY] = "Sigle e acronimi",
		[I18N_OTHER_RECOMMENDATIONS] = "Altre raccomandazioni",
		[I18N_KEY_POINTS] = "Punti chiave",
		[I18N_NOTE] = "Nota",
		[I18N_DISCLAIMER] = "Avvertenza",
		[I18N_DRAFT] = "Bozza",
		[I18N_CONFIDENCE] = "Grado di affidabilità",
		[I18N_EVIDENCE] = "Fonti",
		[I18N_AREA] = "Ambito",
		[I18N_ACTOR] = "Responsabile",
		[I18N_PRIORITY] = "Priorità",
		[I18N_HORIZON] = "Orizzonte temporale",
		[I18N_HIGH] = "alta",
		[I18N_MEDIUM] = "media",
		[I18N_LOW] = "bassa",
		[I18N_ADDRESSED_BY] = "Raccomandazione correlata: ",
		[I18N_ADDRESSED_BY_MANY] = "Raccomandazioni correlate: ",
		[I18N_ADDRESSES] = "Constatazione affrontata: ",
		[I18N_ADDRESSES_MANY] = "Constatazioni affrontate: ",
		[I18N_LOGO] = "Logo",
		[I18N_MAP_CAPTION] = "Mappa delle evidenze: le fonti che ogni constatazione cita e le constatazioni a cui risponde ogni raccomandazione",
		[I18N_MAP_KEY] = "Legenda",
		[I18N_MAP_ALT] = "Schema dell’argomentazione: ",
		[I18N_MAP_SOURCES_ONE] = "# fonte",
		[I18N_MAP_SOURCES_MANY] = "# fonti",
		[I18N_MAP_FINDINGS_ONE] = "# constatazione",
		[I18N_MAP_FINDINGS_MANY] = "# constatazioni",
		[I18N_MAP_RECS_ONE] = "# raccomandazione",
		[I18N_MAP_RECS_MANY] = "# raccomandazioni",
		[I18N_MAP_AREAS_ONE] = " in # ambito",
		[I18N_MAP_AREAS_MANY] = " in # ambiti",
		[I18N_MAP_COLUMNS] = ", su tre colonne, con una freccia da ogni fonte a ogni constatazione che la cita e da ogni constatazione a ogni raccomandazione che la affronta.",
		[I18N_MAP_UNSUPPORTED_ONE] = " # constatazione o raccomandazione non poggia su alcuna fonte.",
		[I18N_MAP_UNSUPPORTED_MANY] = " # constatazioni o raccomandazioni non poggiano su alcuna fonte.",
		[I18N_MAP_UNADDRESSED_ONE] = " # constatazione non è affrontata da alcuna raccomandazione.",
		[I18N_MAP_UNADDRESSED_MANY] = " # constatazioni non sono affrontate da alcuna raccomandazione.",
		[I18N_MAP_UNCITED_ONE] = " # fonte non è citata da alcuna constatazione.",
		[I18N_MAP_UNCITED_MANY] = " # fonti non sono citate da alcuna constatazione.",
		[I18N_MAP_KEY_READ] = "Le fonti a sinistra, le constatazioni al centro, le raccomandazioni a destra, raggruppate per ambito; ogni freccia va da ciò che sostiene a ciò che vi si fonda.",
		[I18N_MAP_KEY_UNSUPPORTED] = " Un contorno rosso tratteggiato indica ciò che non poggia su alcuna fonte.",
		[I18N_MAP_KEY_UNADDRESSED] = " Un doppio contorno arancione indica una constatazione che nessuna raccomandazione affronta.",
		[I18N_MAP_KEY_UNCITED] = " Un contorno grigio tratteggiato indica una fonte che nessuna constatazione cita.",
		[I18N_MAP_LACK_UNCITED] = "(non citata da alcuna constatazione)",
		[I18N_MAP_LACK_BOTH] = "(!) NESSUNA FONTE, NESSUNA RACCOMANDAZIONE",
		[I18N_MAP_LACK_EVIDENCE] = "(!) NESSUNA FONTE",
		[I18N_MAP_LACK_RECOMMENDATION] = "(!) NESSUNA RACCOMANDAZIONE",
		[I18N_MAP_LACK_REC_EVIDENCE] = "(!) NON POGGIA SU ALCUNA FONTE",
		[I18N_MAP_NO_AREA] = "(senza ambito)",
		[I18N_MAP_PART_FIRST] = " (parte 1 di #)",
		[I18N_MAP_PART] = "Mappa delle evidenze, continua (parte # di #)",
		[I18N_SOURCE_ONE] = "Fonte",
		[I18N_SOURCE_MANY] = "Fonti",
		[I18N_FLOAT_NOTE] = "Nota",
		[I18N_LABEL_COLON] = ":",
		[I18N_LABEL_SPACE] = " ",
		[I18N_CONTINUED] = "continua",
		[I18N_VERSION] = "Versione ",
		[I18N_UPDATED] = "Aggiornamento: ",
		[I18N_UPDATED_DAY] = "Aggiornato il ",
		[I18N_ACCESSED] = "Consultazione: ",
		[I18N_ACCESSED_DAY] = "Consultato il ",
		[I18N_TYPE_REPORT] = "rapporto",
		[I18N_TYPE_LAW] = "legge",
		[I18N_TYPE_TREATY] = "trattato",
		[I18N_TYPE_STATEMENT] = "dichiarazione",
		[I18N_TYPE_DATASET] = "insieme di dati",
		[I18N_TYPE_ARTICLE] = "articolo",
		[I18N_BACK_TO_CITATION] = "Torna alla citazione ",
		[I18N_BACK_TO_MARK] = "Torna al testo del richiamo ",
		[I18N_CITED_ON] = "Citato a p.",
		[I18N_LIST_SEP] = ", ",
		[I18N_AND] = " e ",
		[I18N_FULL_STOP] = ".",
		[I18N_PAGE_BEFORE] = "Pagina ",
		[I18N_PAGE_OF] = " di ",
		[I18N_PAGE_AFTER] = "",
	 }, false},
	{"ko", "Korean", "korean", NULL, false, I18N_YMD_KO, NULL, CJK_MONTHS,
	 {
		[I18N_FINDING] = "발견 사항",
		[I18N_RECOMMENDATION] = "권고",
		[I18N_TABLE] = "표",
		[I18N_FIGURE] = "그림",
		[I18N_BOX] = "박스",
		[I18N_CONTENTS] = "목차",
		[I18N_SOURCES] = "출처",
		[I18N_NOTES] = "주",
		[I18N_GLOSSARY] = "약어",
		[I18N_OTHER_RECOMMENDATIONS] = "기타 권고",
		[I18N_KEY_POINTS] = "핵심 요약",
		[I18N_NOTE] = "참고",
		[I18N_DISCLAIMER] = "면책 조항",
		[I18N_DRAFT] = "초안",
		[I18N_CONFIDENCE] = "신뢰도",
		[I18N_EVIDENCE] = "근거",
		[I18N_AREA] = "분야",
		[I18N_ACTOR] = "이행 주체",
		[I18N_PRIORITY] = "우선순위",
		[I18N_HORIZON] = "이행 기간",
		[I18N_HIGH] = "높음",
		[I18N_MEDIUM] = "보통",
		[I18N_LOW] = "낮음",
		[I18N_ADDRESSED_BY] = "관련 권고: ",
		[I18N_ADDRESSED_BY_MANY] = "관련 권고: ",
		[I18N_ADDRESSES] = "관련 발견 사항: ",
		[I18N_ADDRESSES_MANY] = "관련 발견 사항: ",
		[I18N_LOGO] = "로고",
		[I18N_MAP_CAPTION] = "근거 지도: 각 발견 사항이 인용한 출처와 각 권고가 다루는 발견 사항",
		[I18N_MAP_KEY] = "범례",
		[I18N_MAP_ALT] = "논증 구조도: ",
		[I18N_MAP_SOURCES_ONE] = "출처 #개",
		[I18N_MAP_SOURCES_MANY] = "출처 #개",
		[I18N_MAP_FINDINGS_ONE] = "발견 사항 #건",
		[I18N_MAP_FINDINGS_MANY] = "발견 사항 #건",
		[I18N_MAP_RECS_ONE] = "권고 #건",
		[I18N_MAP_RECS_MANY] = "권고 #건",
		[I18N_MAP_AREAS_ONE] = "(분야 #개)",
		[I18N_MAP_AREAS_MANY] = "(분야 #개)",
		[I18N_MAP_COLUMNS] = ". 세 열로 배치되어 있으며, 각 출처에서 이를 인용한 발견 사항으로, 각 발견 사항에서 이를 다루는 권고로 화살표가 이어진다.",
		[I18N_MAP_UNSUPPORTED_ONE] = " 근거가 없는 발견 사항 또는 권고: #건.",
		[I18N_MAP_UNSUPPORTED_MANY] = " 근거가 없는 발견 사항 또는 권고: #건.",
		[I18N_MAP_UNADDRESSED_ONE] = " 어떤 권고도 다루지 않는 발견 사항: #건.",
		[I18N_MAP_UNADDRESSED_MANY] = " 어떤 권고도 다루지 않는 발견 사항: #건.",
		[I18N_MAP_UNCITED_ONE] = " 어떤 발견 사항도 인용하지 않는 출처: #개.",
		[I18N_MAP_UNCITED_MANY] = " 어떤 발견 사항도 인용하지 않는 출처: #개.",
		[I18N_MAP_KEY_READ] = "왼쪽은 출처, 가운데는 발견 사항, 오른쪽은 분야별로 묶은 권고이며, 각 화살표는 뒷받침하는 것에서 그에 기대는 것으로 이어진다.",
		[I18N_MAP_KEY_UNSUPPORTED] = " 빨간 점선 테두리는 근거가 없는 항목을 나타낸다.",
		[I18N_MAP_KEY_UNADDRESSED] = " 주황색 이중 테두리는 어떤 권고도 다루지 않는 발견 사항을 나타낸다.",
		[I18N_MAP_KEY_UNCITED] = " 회색 점선 테두리는 어떤 발견 사항도 인용하지 않는 출처를 나타낸다.",
		[I18N_MAP_LACK_UNCITED] = "(인용한 발견 사항 없음)",
		[I18N_MAP_LACK_BOTH] = "(!) 근거 없음, 관련 권고 없음",
		[I18N_MAP_LACK_EVIDENCE] = "(!) 근거 없음",
		[I18N_MAP_LACK_RECOMMENDATION] = "(!) 관련 권고 없음",
		[I18N_MAP_LACK_REC_EVIDENCE] = "(!) 근거 없음",
		[I18N_MAP_NO_AREA] = "(분야 없음)",
		[I18N_MAP_PART_FIRST] = " (1/#)",
		[I18N_MAP_PART] = "근거 지도, 계속 (#/#)",
		[I18N_SOURCE_ONE] = "출처",
		[I18N_SOURCE_MANY] = "출처",
		[I18N_FLOAT_NOTE] = "주",
		[I18N_LABEL_COLON] = ":",
		[I18N_LABEL_SPACE] = " ",
		[I18N_CONTINUED] = "계속",
		[I18N_VERSION] = "버전 ",
		[I18N_UPDATED] = "수정일: ",
		[I18N_UPDATED_DAY] = "수정일: ",
		[I18N_ACCESSED] = "검색일: ",
		[I18N_ACCESSED_DAY] = "검색일: ",
		[I18N_TYPE_REPORT] = "보고서",
		[I18N_TYPE_LAW] = "법률",
		[I18N_TYPE_TREATY] = "조약",
		[I18N_TYPE_STATEMENT] = "성명",
		[I18N_TYPE_DATASET] = "데이터",
		[I18N_TYPE_ARTICLE] = "기사",
		[I18N_LIST_SEP] = ", ",
		[I18N_AND] = " 및 ",
		[I18N_BACK_TO_CITATION] = "인용 위치로 돌아가기 ",
		[I18N_BACK_TO_MARK] = "본문의 주 표시로 돌아가기 ",
		[I18N_CITED_ON] = "인용 쪽:",
		[I18N_FULL_STOP] = ".",
		[I18N_PAGE_BEFORE] = "",
		[I18N_PAGE_OF] = " / ",
		[I18N_PAGE_AFTER] = "",
	 }, false},
	{"zh", "Chinese (Simplified)", "chinese-simplified", NULL, false, I18N_YMD_CJK, NULL,
	 CJK_MONTHS,
	 {
		ZH_COMMON,
		[I18N_FINDING] = "发现",
		[I18N_RECOMMENDATION] = "建议",
		[I18N_FIGURE] = "图",
		[I18N_BOX] = "专栏",
		[I18N_CONTENTS] = "目录",
		[I18N_SOURCES] = "资料来源",
		[I18N_NOTES] = "注释",
		[I18N_GLOSSARY] = "缩略语",
		[I18N_OTHER_RECOMMENDATIONS] = "其他建议",
		[I18N_KEY_POINTS] = "要点",
		[I18N_NOTE] = "注",
		[I18N_DISCLAIMER] = "免责声明",
		[I18N_DRAFT] = "草稿",
		[I18N_PRIORITY] = "优先级",
		[I18N_EVIDENCE] = "依据",
		[I18N_AREA] = "领域",
		[I18N_ACTOR] = "责任方",
		[I18N_HORIZON] = "时限",
		[I18N_ADDRESSED_BY] = "相关建议：",
		[I18N_ADDRESSED_BY_MANY] = "相关建议：",
		[I18N_ADDRESSES] = "针对的发现：",
		[I18N_ADDRESSES_MANY] = "针对的发现：",
		[I18N_LOGO] = "标志",
		[I18N_MAP_CAPTION] = "证据图：每项发现引用的资料来源，以及每项建议针对的发现",
		[I18N_MAP_KEY] = "图例",
		[I18N_MAP_ALT] = "论证结构图：",
		[I18N_MAP_SOURCES_ONE] = "#条资料来源",
		[I18N_MAP_SOURCES_MANY] = "#条资料来源",
		[I18N_MAP_FINDINGS_ONE] = "#项发现",
		[I18N_MAP_FINDINGS_MANY] = "#项发现",
		[I18N_MAP_RECS_ONE] = "#项建议",
		[I18N_MAP_RECS_MANY] = "#项建议",
		[I18N_MAP_AREAS_ONE] = "（分属#个领域）",
		[I18N_MAP_AREAS_MANY] = "（分属#个领域）",
		[I18N_MAP_COLUMNS] = "，分三栏排列，每条资料来源以箭头指向引用它的发现，每项发现以箭头指向针对它的建议。",
		[I18N_MAP_UNSUPPORTED_ONE] = "没有依据的发现或建议：#项。",
		[I18N_MAP_UNSUPPORTED_MANY] = "没有依据的发现或建议：#项。",
		[I18N_MAP_UNADDRESSED_ONE] = "没有建议针对的发现：#项。",
		[I18N_MAP_UNADDRESSED_MANY] = "没有建议针对的发现：#项。",
		[I18N_MAP_UNCITED_ONE] = "没有发现引用的资料来源：#条。",
		[I18N_MAP_UNCITED_MANY] = "没有发现引用的资料来源：#条。",
		[I18N_MAP_KEY_READ] = "左栏为资料来源，中栏为发现，右栏为按领域分组的建议；每个箭头从提供支撑的一方指向依赖它的一方。",
		[I18N_MAP_KEY_UNSUPPORTED] = "红色虚线边框表示没有依据的项目。",
		[I18N_MAP_KEY_UNADDRESSED] = "橙色双线边框表示没有建议针对的发现。",
		[I18N_MAP_KEY_UNCITED] = "灰色虚线边框表示没有发现引用的资料来源。",
		[I18N_MAP_LACK_UNCITED] = "（无发现引用）",
		[I18N_MAP_LACK_BOTH] = "(!) 无依据，无建议",
		[I18N_MAP_LACK_EVIDENCE] = "(!) 无依据",
		[I18N_MAP_LACK_RECOMMENDATION] = "(!) 无建议",
		[I18N_MAP_LACK_REC_EVIDENCE] = "(!) 无依据",
		[I18N_MAP_NO_AREA] = "（未分领域）",
		[I18N_MAP_PART_FIRST] = "（第1部分，共#部分）",
		[I18N_MAP_PART] = "证据图（续，第#部分，共#部分）",
		[I18N_SOURCE_ONE] = "资料来源",
		[I18N_SOURCE_MANY] = "资料来源",
		[I18N_FLOAT_NOTE] = "注",
		[I18N_CONTINUED] = "续",
		[I18N_VERSION] = "版本：",
		[I18N_UPDATED] = "更新日期：",
		[I18N_UPDATED_DAY] = "更新日期：",
		[I18N_ACCESSED] = "访问日期：",
		[I18N_ACCESSED_DAY] = "访问日期：",
		[I18N_TYPE_REPORT] = "报告",
		[I18N_TYPE_TREATY] = "条约",
		[I18N_TYPE_STATEMENT] = "声明",
		[I18N_TYPE_DATASET] = "数据集",
		[I18N_TYPE_ARTICLE] = "文章",
		[I18N_PAGE_OF] = " 页，共 ",
		[I18N_PAGE_AFTER] = " 页",
		[I18N_BACK_TO_CITATION] = "返回引用处 ",
		[I18N_BACK_TO_MARK] = "返回正文注号 ",
		[I18N_CITED_ON] = "引用页码：",
	 }, false},
	{"zh-Hant", "Chinese (Traditional)", "chinese-traditional", NULL, false, I18N_YMD_CJK,
	 NULL, CJK_MONTHS,
	 {
		ZH_COMMON,
		[I18N_FINDING] = "發現",
		[I18N_RECOMMENDATION] = "建議",
		[I18N_FIGURE] = "圖",
		[I18N_BOX] = "專欄",
		[I18N_CONTENTS] = "目錄",
		[I18N_SOURCES] = "資料來源",
		[I18N_NOTES] = "註釋",
		[I18N_GLOSSARY] = "縮略語",
		[I18N_OTHER_RECOMMENDATIONS] = "其他建議",
		[I18N_KEY_POINTS] = "要點",
		[I18N_NOTE] = "註",
		[I18N_DISCLAIMER] = "免責聲明",
		[I18N_DRAFT] = "草稿",
		[I18N_PRIORITY] = "優先順序",
		[I18N_EVIDENCE] = "依據",
		[I18N_AREA] = "領域",
		[I18N_ACTOR] = "責任方",
		[I18N_HORIZON] = "時限",
		[I18N_ADDRESSED_BY] = "相關建議：",
		[I18N_ADDRESSED_BY_MANY] = "相關建議：",
		[I18N_ADDRESSES] = "針對的發現：",
		[I18N_ADDRESSES_MANY] = "針對的發現：",
		[I18N_LOGO] = "標誌",
		[I18N_MAP_CAPTION] = "證據圖：每項發現引用的資料來源，以及每項建議針對的發現",
		[I18N_MAP_KEY] = "圖例",
		[I18N_MAP_ALT] = "論證結構圖：",
		[I18N_MAP_SOURCES_ONE] = "#條資料來源",
		[I18N_MAP_SOURCES_MANY] = "#條資料來源",
		[I18N_MAP_FINDINGS_ONE] = "#項發現",
		[I18N_MAP_FINDINGS_MANY] = "#項發現",
		[I18N_MAP_RECS_ONE] = "#項建議",
		[I18N_MAP_RECS_MANY] = "#項建議",
		[I18N_MAP_AREAS_ONE] = "（分屬#個領域）",
		[I18N_MAP_AREAS_MANY] = "（分屬#個領域）",
		[I18N_MAP_COLUMNS] = "，分三欄排列，每條資料來源以箭頭指向引用它的發現，每項發現以箭頭指向針對它的建議。",
		[I18N_MAP_UNSUPPORTED_ONE] = "沒有依據的發現或建議：#項。",
		[I18N_MAP_UNSUPPORTED_MANY] = "沒有依據的發現或建議：#項。",
		[I18N_MAP_UNADDRESSED_ONE] = "沒有建議針對的發現：#項。",
		[I18N_MAP_UNADDRESSED_MANY] = "沒有建議針對的發現：#項。",
		[I18N_MAP_UNCITED_ONE] = "沒有發現引用的資料來源：#條。",
		[I18N_MAP_UNCITED_MANY] = "沒有發現引用的資料來源：#條。",
		[I18N_MAP_KEY_READ] = "左欄為資料來源，中欄為發現，右欄為按領域分組的建議；每個箭頭從提供支撐的一方指向依賴它的一方。",
		[I18N_MAP_KEY_UNSUPPORTED] = "紅色虛線邊框表示沒有依據的項目。",
		[I18N_MAP_KEY_UNADDRESSED] = "橙色雙線邊框表示沒有建議針對的發現。",
		[I18N_MAP_KEY_UNCITED] = "灰色虛線邊框表示沒有發現引用的資料來源。",
		[I18N_MAP_LACK_UNCITED] = "（無發現引用）",
		[I18N_MAP_LACK_BOTH] = "(!) 無依據，無建議",
		[I18N_MAP_LACK_EVIDENCE] = "(!) 無依據",
		[I18N_MAP_LACK_RECOMMENDATION] = "(!) 無建議",
		[I18N_MAP_LACK_REC_EVIDENCE] = "(!) 無依據",
		[I18N_MAP_NO_AREA] = "（未分領域）",
		[I18N_MAP_PART_FIRST] = "（第1部分，共#部分）",
		[I18N_MAP_PART] = "證據圖（續，第#部分，共#部分）",
		[I18N_SOURCE_ONE] = "資料來源",
		[I18N_SOURCE_MANY] = "資料來源",
		[I18N_FLOAT_NOTE] = "註",
		[I18N_CONTINUED] = "續",
		[I18N_VERSION] = "版本：",
		[I18N_UPDATED] = "更新日期：",
		[I18N_UPDATED_DAY] = "更新日期：",
		[I18N_ACCESSED] = "檢索日期：",
		[I18N_ACCESSED_DAY] = "檢索日期：",
		[I18N_TYPE_REPORT] = "報告",
		[I18N_TYPE_TREATY] = "條約",
		[I18N_TYPE_STATEMENT] = "聲明",
		[I18N_TYPE_DATASET] = "資料集",
		[I18N_TYPE_ARTICLE] = "文章",
		[I18N_PAGE_OF] = " 頁，共 ",
		[I18N_PAGE_AFTER] = " 頁",
		[I18N_BACK_TO_CITATION] = "返回引用處 ",
		[I18N_BACK_TO_MARK] = "返回正文註號 ",
		[I18N_CITED_ON] = "引用頁碼：",
	 }, false},
	{"ja", "Japanese", "japanese", NULL, false, I18N_YMD_CJK, NULL, CJK_MONTHS,
	 {
		[I18N_FINDING] = "所見",
		[I18N_RECOMMENDATION] = "提言",
		[I18N_TABLE] = "表",
		[I18N_FIGURE] = "図",
		[I18N_BOX] = "コラム",
		[I18N_CONTENTS] = "目次",
		[I18N_SOURCES] = "出典",
		[I18N_NOTES] = "注",
		[I18N_GLOSSARY] = "略語一覧",
		[I18N_OTHER_RECOMMENDATIONS] = "その他の提言",
		[I18N_KEY_POINTS] = "要点",
		[I18N_NOTE] = "注記",
		[I18N_DISCLAIMER] = "免責事項",
		[I18N_DRAFT] = "草案",
		[I18N_CONFIDENCE] = "確度",
		[I18N_EVIDENCE] = "根拠",
		[I18N_AREA] = "分野",
		[I18N_ACTOR] = "実施主体",
		[I18N_PRIORITY] = "優先度",
		[I18N_HORIZON] = "期間",
		[I18N_HIGH] = "高",
		[I18N_MEDIUM] = "中",
		[I18N_LOW] = "低",
		[I18N_ADDRESSED_BY] = "関連する提言：",
		[I18N_ADDRESSED_BY_MANY] = "関連する提言：",
		[I18N_ADDRESSES] = "対応する所見：",
		[I18N_ADDRESSES_MANY] = "対応する所見：",
		[I18N_LOGO] = "ロゴ",
		[I18N_MAP_CAPTION] = "根拠マップ：各所見が引用する出典と、各提言が対応する所見",
		[I18N_MAP_KEY] = "凡例",
		[I18N_MAP_ALT] = "論旨の構成図：",
		[I18N_MAP_SOURCES_ONE] = "出典#件",
		[I18N_MAP_SOURCES_MANY] = "出典#件",
		[I18N_MAP_FINDINGS_ONE] = "所見#件",
		[I18N_MAP_FINDINGS_MANY] = "所見#件",
		[I18N_MAP_RECS_ONE] = "提言#件",
		[I18N_MAP_RECS_MANY] = "提言#件",
		[I18N_MAP_AREAS_ONE] = "（#分野）",
		[I18N_MAP_AREAS_MANY] = "（#分野）",
		[I18N_MAP_COLUMNS] = "を3列に配置し、各出典からそれを引用する所見へ、各所見からそれに対応する提言へ矢印を引いている。",
		[I18N_MAP_UNSUPPORTED_ONE] = "根拠のない所見または提言：#件。",
		[I18N_MAP_UNSUPPORTED_MANY] = "根拠のない所見または提言：#件。",
		[I18N_MAP_UNADDRESSED_ONE] = "対応する提言のない所見：#件。",
		[I18N_MAP_UNADDRESSED_MANY] = "対応する提言のない所見：#件。",
		[I18N_MAP_UNCITED_ONE] = "どの所見にも引用されていない出典：#件。",
		[I18N_MAP_UNCITED_MANY] = "どの所見にも引用されていない出典：#件。",
		[I18N_MAP_KEY_READ] = "左に出典、中央に所見、右に分野ごとにまとめた提言を置き、各矢印は裏付けるものからそれに依拠するものへ向かう。",
		[I18N_MAP_KEY_UNSUPPORTED] = "赤い破線の枠は、根拠のないものを示す。",
		[I18N_MAP_KEY_UNADDRESSED] = "オレンジの二重線の枠は、対応する提言のない所見を示す。",
		[I18N_MAP_KEY_UNCITED] = "灰色の破線の枠は、どの所見にも引用されていない出典を示す。",
		[I18N_MAP_LACK_UNCITED] = "（引用する所見なし）",
		[I18N_MAP_LACK_BOTH] = "(!) 根拠なし、提言なし",
		[I18N_MAP_LACK_EVIDENCE] = "(!) 根拠なし",
		[I18N_MAP_LACK_RECOMMENDATION] = "(!) 提言なし",
		[I18N_MAP_LACK_REC_EVIDENCE] = "(!) 根拠なし",
		[I18N_MAP_NO_AREA] = "（分野なし）",
		[I18N_MAP_PART_FIRST] = "（1/#）",
		[I18N_MAP_PART] = "根拠マップ（続き、#/#）",
		[I18N_SOURCE_ONE] = "出典",
		[I18N_SOURCE_MANY] = "出典",
		[I18N_FLOAT_NOTE] = "注",
		[I18N_LABEL_COLON] = "\xEF\xBC\x9A",
		[I18N_LABEL_SPACE] = "",
		[I18N_CONTINUED] = "続き",
		[I18N_VERSION] = "バージョン：",
		[I18N_UPDATED] = "更新日：",
		[I18N_UPDATED_DAY] = "更新日：",
		[I18N_ACCESSED] = "閲覧日：",
		[I18N_ACCESSED_DAY] = "閲覧日：",
		[I18N_TYPE_REPORT] = "報告書",
		[I18N_TYPE_LAW] = "法律",
		[I18N_TYPE_TREATY] = "条約",
		[I18N_TYPE_STATEMENT] = "声明",
		[I18N_TYPE_DATASET] = "データセット",
		[I18N_TYPE_ARTICLE] = "記事",
		[I18N_LIST_SEP] = "、",
		[I18N_AND] = "、",
		[I18N_FULL_STOP] = "。",
		[I18N_BACK_TO_CITATION] = "引用箇所に戻る ",
		[I18N_BACK_TO_MARK] = "本文の注番号に戻る ",
		[I18N_CITED_ON] = "引用ページ：",
		[I18N_PAGE_BEFORE] = "",
		[I18N_PAGE_OF] = " / ",
		[I18N_PAGE_AFTER] = "",
	 }, false},
};

/* Tags that name an entry by another tag: regions that imply a script. */
static const struct {
	const char *tag, *entry;
} aliases[] = {
	{"zh-Hans", "zh"}, {"zh-CN", "zh"}, {"zh-SG", "zh"},
	{"zh-TW", "zh-Hant"}, {"zh-HK", "zh-Hant"}, {"zh-MO", "zh-Hant"},
};

static bool same_ci(const char *a, size_t n, const char *b)
{
	if (strlen(b) != n)
		return false;
	for (size_t i = 0; i < n; i++) {
		char x = a[i], y = b[i];
		if (x >= 'A' && x <= 'Z')
			x = (char)(x - 'A' + 'a');
		if (y >= 'A' && y <= 'Z')
			y = (char)(y - 'A' + 'a');
		if (x != y)
			return false;
	}
	return true;
}

static const i18n_lang *find(const char *tag, size_t n)
{
	for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
		if (same_ci(tag, n, aliases[i].tag))
			return find(aliases[i].entry, strlen(aliases[i].entry));
	for (size_t i = 0; i < sizeof langs / sizeof langs[0]; i++)
		if (same_ci(tag, n, langs[i].tag))
			return &langs[i];
	return NULL;
}

const i18n_lang *i18n_default(void)
{
	return &langs[0];
}

const i18n_lang *i18n_lookup(const char *tag, size_t n, bool *known)
{
	/* the tag, then without its last subtag, down to the language */
	while (n) {
		const i18n_lang *l = find(tag, n);
		if (l) {
			if (known)
				*known = true;
			return l;
		}
		while (n && tag[n - 1] != '-')
			n--;
		if (n)
			n--;
	}
	if (known)
		*known = false;
	return &langs[0];
}

size_t i18n_count(void)
{
	return sizeof langs / sizeof langs[0];
}

const i18n_lang *i18n_at(size_t i)
{
	return i < i18n_count() ? &langs[i] : NULL;
}

/* ---- dates ---- */

static bool digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

bool i18n_date_has_day(const char *s, size_t n)
{
	return n == 10 && s[4] == '-' && s[7] == '-';
}

void i18n_numbers(const i18n_lang *l, i18n_word w, size_t a, size_t b, buf *out)
{
	const char *s = i18n_word_of(l, w), *hash;
	size_t k = 0;
	while ((hash = strchr(s, '#')) != NULL) {
		buf_put(out, s, (size_t)(hash - s));
		buf_printf(out, "%zu", k++ ? b : a);
		s = hash + 1;
	}
	buf_puts(out, s);
}

void i18n_counted(const i18n_lang *l, size_t n, i18n_word one, i18n_word many, buf *out)
{
	i18n_numbers(l, n == 1 || (n == 0 && l->zero_one) ? one : many, n, n, out);
}

void i18n_date(const i18n_lang *l, const char *s, size_t n, buf *out)
{
	bool ok = (n == 4 || n == 7 || n == 10) && digits(s, 4) &&
		  (n < 7 || (s[4] == '-' && digits(s + 5, 2))) &&
		  (n < 10 || (s[7] == '-' && digits(s + 8, 2)));
	int mon = ok && n >= 7 ? (s[5] - '0') * 10 + (s[6] - '0') : 0;
	int day = ok && n == 10 ? (s[8] - '0') * 10 + (s[9] - '0') : 0;
	if (!ok || (n >= 7 && (mon < 1 || mon > 12)) || (n == 10 && (day < 1 || day > 31))) {
		buf_put(out, s, n);
		return;
	}
	const char *month = mon ? l->months[mon - 1] : NULL;
	char d[8] = {(char)('0' + day / 10), (char)('0' + day % 10)};
	const char *dd = day == 1 && l->day1 ? l->day1 : d + (day < 10);
	switch (l->date) {
	case I18N_DMY:
	case I18N_DMY_DOT:
		if (day)
			buf_printf(out, l->date == I18N_DMY_DOT ? "%s. " : "%s ", dd);
		if (month)
			buf_printf(out, "%s ", month);
		buf_put(out, s, 4);
		break;
	case I18N_MDY:
		if (month)
			buf_printf(out, day ? "%s %s, " : "%s ", month, dd);
		buf_put(out, s, 4);
		break;
	case I18N_DMY_DE:
		if (day)
			buf_printf(out, "%s de ", dd);
		if (month)
			buf_printf(out, "%s de ", month);
		buf_put(out, s, 4);
		break;
	case I18N_YMD_KO:
		buf_put(out, s, 4);
		buf_puts(out, "년");
		if (month)
			buf_printf(out, " %s월", month);
		if (day)
			buf_printf(out, " %s일", dd);
		break;
	case I18N_YMD_CJK:
		buf_put(out, s, 4);
		buf_puts(out, "年");
		if (month)
			buf_printf(out, "%s月", month);
		if (day)
			buf_printf(out, "%s日", dd);
		break;
	}
}
