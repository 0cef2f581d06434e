"""The sites area's messages: code -> (English, Simplified Chinese), placeholders in
str.format names.  `app.errors.message_for` finds them through the area's declaration (area.py)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # sites and exchange bundles (issue 15)
    "site.not_set_up": ("This installation is not a site yet (site init).", "本机尚未设置为站点（请先设置站点）。"),
    "site.already_set_up": ("This installation is already a site.", "本机已设置为站点。"),
    "site.code_invalid": ("The site code {value} is not valid (letters, digits, - and _, at most 32).",
                          "站点代码{value}无效（只能用字母、数字、-和_，不超过32位）。"),
    "site.name_required": ("The site needs a name.", "请填写站点名称。"),
    "site.kind_invalid": ("The site kind {value} is not one of district, arbitration, township.",
                          "站点类型{value}无效（应为 district 区局、arbitration 仲裁院或 township 乡镇）。"),
    "site.key_file_invalid": ("{path} is not a site key file.", "{path}不是站点公钥文件。"),
    "site.trust_self": ("That is this site's own key.", "这是本站点自己的公钥。"),
    "exchange.unknown_peer": ("No trusted site has the code {site}.", "没有代码为{site}的受信任站点。"),
    "exchange.not_a_bundle": ("The file is not an exchange bundle.", "该文件不是交换包。"),
    "exchange.damaged": ("The bundle is damaged or has been altered; nothing was imported.",
                         "交换包已损坏或被改动，未导入任何内容。"),
    "exchange.newer_format": ("The bundle was written by a newer program (format {format}); update this one first.",
                              "交换包由更新版本的程序生成（格式{format}），请先升级本程序。"),
    "exchange.newer_program": ("The bundle holds records this program cannot read ({table}, program {program}); "
                               "update this one first.",
                               "交换包含有本程序无法读取的记录（{table}，程序版本{program}），请先升级本程序。"),
    "exchange.not_for_us": ("The bundle is for site {to}, not this one ({me}).",
                            "该交换包是发给站点{to}的，不是本站点（{me}）。"),
    "exchange.untrusted": ("The bundle comes from site {site}, which is not trusted here; register its key first.",
                           "交换包来自未受信任的站点{site}，请先登记其公钥。"),
    "exchange.missing_sequence": ("Bundle {missing} from {site} has not been imported yet; import it before {sequence}.",
                                  "尚未导入来自{site}的第{missing}号交换包，请先导入它，再导入第{sequence}号。"),
    "exchange.missing_reference": ("The bundle refers to a record this site lacks ({table} {uuid}); nothing was imported.",
                                   "交换包引用了本站点没有的记录（{table} {uuid}），未导入任何内容。"),
    "exchange.clash": ("A record in the bundle clashes with one here (the same number); nothing was imported. {detail}",
                       "交换包中的记录与本站点的记录冲突（编号相同），未导入任何内容。{detail}"),
    "exchange.file_unreadable": ("{path} cannot be read.", "无法读取{path}。"),
    "exchange.conflict_not_found": ("There is no open conflict {id}.", "没有编号为{id}的待处理冲突。"),
    "exchange.field_not_in_conflict": ("The field {value} is not one the two versions differ in.",
                                       "字段{value}不是两个版本有差异的字段。"),
    "exchange.choice_invalid": ("Choose mine or theirs for {field}, not {value}.",
                                "字段{field}只能选择 mine（本站）或 theirs（对方），不能是{value}。"),
    "exchange.still_referred": ("{table} #{id} is still referred to by other records here; it cannot be deleted.",
                                "{table} #{id} 仍被本站其他记录引用，不能删除。"),
    "exchange.table_unknown": ("{table} is not a table that travels between sites.", "{table}不是站点间交换的数据表。"),
    "site.same_issuing_body": ("Site {site} numbers its cases with the issuing body {body}, as {other} does: "
                               "their case numbers would clash. Give each site its own (Administration → Bureau and remedies → District) first.",
                               "站点{site}案号中的机关简称为“{body}”，与{other}相同，双方案号会重复。"
                               "请先在“系统管理 → 机关与救济 → 区（县）”中为各站点设置不同的简称。"),
    "site.issuing_body_invalid": ("The issuing body “{value}” must be 1 to 20 characters, e.g. 甲镇.",
                                  "机关简称“{value}”应为1至20个字，例如“甲镇”。"),
}
