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
	{"en", "English", "english", NULL, false, I18N_DMY, NULL, EN_MONTHS, EN_WORDS},
	{"en-US", "English (United States)", "american", NULL, true, I18N_MDY, NULL,
	 EN_MONTHS, EN_WORDS},
	{"en-CA", "English (Canada)", "canadian", NULL, true, I18N_DMY, NULL, EN_MONTHS,
	 EN_WORDS},
	{"en-GB", "English (United Kingdom)", "british", "british english", false, I18N_DMY,
	 NULL, EN_MONTHS, EN_WORDS},
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
	 }},
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
	 }},
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
	 }},
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
	 }},
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
	 }},
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
	 }},
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
	 }},
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
	 }},
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
	 }},
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
	char d[8];
	if (day == 1 && l->day1)
		snprintf(d, sizeof d, "%s", l->day1);
	else
		snprintf(d, sizeof d, "%d", day);
	switch (l->date) {
	case I18N_DMY:
	case I18N_DMY_DOT:
		if (day)
			buf_printf(out, l->date == I18N_DMY_DOT ? "%s. " : "%s ", d);
		if (month)
			buf_printf(out, "%s ", month);
		buf_put(out, s, 4);
		break;
	case I18N_MDY:
		if (month)
			buf_printf(out, day ? "%s %s, " : "%s ", month, d);
		buf_put(out, s, 4);
		break;
	case I18N_DMY_DE:
		if (day)
			buf_printf(out, "%s de ", d);
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
			buf_printf(out, " %s일", d);
		break;
	case I18N_YMD_CJK:
		buf_put(out, s, 4);
		buf_puts(out, "年");
		if (month)
			buf_printf(out, "%s月", month);
		if (day)
			buf_printf(out, "%s日", d);
		break;
	}
}
