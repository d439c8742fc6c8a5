"""Country codes: ISO 3166-1 alpha-2 in the model, OGP's own member codes in its export.

The model's ``ActionPlan.country`` is an ISO 3166-1 alpha-2 code (``FR``). OGP's export codes a
national member by its ISO 3166-1 alpha-3 code (``FRA``) and a local member by its country's
alpha-2 code followed by two letters of its own (``ARBA``: Buenos Aires, Argentina). A code that
maps to no assigned ISO code (``XKX``, Kosovo) is kept as it is.
"""

from __future__ import annotations

__all__ = ["alpha_3", "country_of", "ogp_code"]

# ISO 3166-1: every assigned alpha-3 code and its alpha-2 code (249 countries and territories;
# checked against Debian's iso-codes 4.15.0).
_TABLE = """
    ABW:AW AFG:AF AGO:AO AIA:AI ALA:AX ALB:AL AND:AD ARE:AE ARG:AR ARM:AM ASM:AS ATA:AQ
    ATF:TF ATG:AG AUS:AU AUT:AT AZE:AZ BDI:BI BEL:BE BEN:BJ BES:BQ BFA:BF BGD:BD BGR:BG
    BHR:BH BHS:BS BIH:BA BLM:BL BLR:BY BLZ:BZ BMU:BM BOL:BO BRA:BR BRB:BB BRN:BN BTN:BT
    BVT:BV BWA:BW CAF:CF CAN:CA CCK:CC CHE:CH CHL:CL CHN:CN CIV:CI CMR:CM COD:CD COG:CG
    COK:CK COL:CO COM:KM CPV:CV CRI:CR CUB:CU CUW:CW CXR:CX CYM:KY CYP:CY CZE:CZ DEU:DE
    DJI:DJ DMA:DM DNK:DK DOM:DO DZA:DZ ECU:EC EGY:EG ERI:ER ESH:EH ESP:ES EST:EE ETH:ET
    FIN:FI FJI:FJ FLK:FK FRA:FR FRO:FO FSM:FM GAB:GA GBR:GB GEO:GE GGY:GG GHA:GH GIB:GI
    GIN:GN GLP:GP GMB:GM GNB:GW GNQ:GQ GRC:GR GRD:GD GRL:GL GTM:GT GUF:GF GUM:GU GUY:GY
    HKG:HK HMD:HM HND:HN HRV:HR HTI:HT HUN:HU IDN:ID IMN:IM IND:IN IOT:IO IRL:IE IRN:IR
    IRQ:IQ ISL:IS ISR:IL ITA:IT JAM:JM JEY:JE JOR:JO JPN:JP KAZ:KZ KEN:KE KGZ:KG KHM:KH
    KIR:KI KNA:KN KOR:KR KWT:KW LAO:LA LBN:LB LBR:LR LBY:LY LCA:LC LIE:LI LKA:LK LSO:LS
    LTU:LT LUX:LU LVA:LV MAC:MO MAF:MF MAR:MA MCO:MC MDA:MD MDG:MG MDV:MV MEX:MX MHL:MH
    MKD:MK MLI:ML MLT:MT MMR:MM MNE:ME MNG:MN MNP:MP MOZ:MZ MRT:MR MSR:MS MTQ:MQ MUS:MU
    MWI:MW MYS:MY MYT:YT NAM:NA NCL:NC NER:NE NFK:NF NGA:NG NIC:NI NIU:NU NLD:NL NOR:NO
    NPL:NP NRU:NR NZL:NZ OMN:OM PAK:PK PAN:PA PCN:PN PER:PE PHL:PH PLW:PW PNG:PG POL:PL
    PRI:PR PRK:KP PRT:PT PRY:PY PSE:PS PYF:PF QAT:QA REU:RE ROU:RO RUS:RU RWA:RW SAU:SA
    SDN:SD SEN:SN SGP:SG SGS:GS SHN:SH SJM:SJ SLB:SB SLE:SL SLV:SV SMR:SM SOM:SO SPM:PM
    SRB:RS SSD:SS STP:ST SUR:SR SVK:SK SVN:SI SWE:SE SWZ:SZ SXM:SX SYC:SC SYR:SY TCA:TC
    TCD:TD TGO:TG THA:TH TJK:TJ TKL:TK TKM:TM TLS:TL TON:TO TTO:TT TUN:TN TUR:TR TUV:TV
    TWN:TW TZA:TZ UGA:UG UKR:UA UMI:UM URY:UY USA:US UZB:UZ VAT:VA VCT:VC VEN:VE VGB:VG
    VIR:VI VNM:VN VUT:VU WLF:WF WSM:WS YEM:YE ZAF:ZA ZMB:ZM ZWE:ZW
"""
_ALPHA_2_OF_3: dict[str, str] = dict(pair.split(":") for pair in _TABLE.split())
_ALPHA_3_OF_2: dict[str, str] = {two: three for three, two in _ALPHA_2_OF_3.items()}


def country_of(code: str) -> str | None:
    """The ISO 3166-1 alpha-2 code of the country an OGP member code names, or None.

    ``FRA`` → ``FR`` (an alpha-3 code), ``ARBA`` → ``AR`` (a local member: its country's alpha-2
    code and two letters); None for a code that is neither (``XKX``).
    """
    if len(code) == 3:
        return _ALPHA_2_OF_3.get(code)
    if len(code) == 4 and code.isascii() and code.isupper() and code[:2] in _ALPHA_3_OF_2:
        return code[:2]
    return None


def alpha_3(country: str) -> str | None:
    """The ISO 3166-1 alpha-3 code of an alpha-2 code (``FR`` → ``FRA``), or None."""
    return _ALPHA_3_OF_2.get(country)


def ogp_code(country: str, kept: str | None = None) -> str:
    """The code OGP's export gives the member of ``country``.

    ``kept`` (the export's own code, read with the plan) while it still names that country;
    else the alpha-3 code of an alpha-2 one; else ``country`` as it is.
    """
    if kept is not None and (country_of(kept) or kept) == country:
        return kept
    return alpha_3(country) or country
