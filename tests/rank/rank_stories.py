"""Short news stories written for these tests (invented events, house style of a provincial daily)."""

from brief.document import Article

# The same event told by two papers in their own words.
BRIDGE_A = Article(
    title="汾河三桥建成通车",
    source="晋城日报",
    page="1",
    position=1,
    paragraphs=[
        "本报讯 10月16日上午，汾河三桥正式建成通车。大桥全长2.4公里，总投资18.6亿元，"
        "是省委、省政府确定的全省重点交通工程。",
        "通车后，汾河两岸的通行时间由40分钟缩短到8分钟，每天可分流车辆约3万辆次。"
        "市交通运输局表示，周边道路的配套改造将于年底前完成。",
    ],
)
BRIDGE_B = Article(
    title="跨越汾河 两岸通行只需八分钟",
    source="太行晚报",
    page="3",
    position=2,
    paragraphs=[
        "记者从市交通运输局获悉，总投资18.6亿元的汾河三桥于10月16日上午建成通车，"
        "全长2.4公里，是全省重点交通工程之一。",
        "大桥通车后，汾河两岸通行时间从40分钟缩短到8分钟，日均分流车辆约3万辆次，"
        "周边道路配套改造年底前完成。",
    ],
)
# Unrelated stories of the same day.
HARVEST = Article(
    title="全省秋粮收获过半",
    source="晋城日报",
    page="2",
    paragraphs=[
        "记者从省农业农村厅了解到，截至10月15日，全省秋粮已收获1260万亩，进度过半，"
        "比去年同期快3个百分点。",
        "各地组织农机2.1万台投入抢收，玉米单产预计稳中有增。",
    ],
)
CONCERT = Article(
    title="社区合唱团举办金秋音乐会",
    source="太行晚报",
    page="6",
    position=4,
    paragraphs=["10月15日晚，迎泽社区合唱团在文化广场举办金秋音乐会，二百余名居民到场观看。"],
)
# A central decision on page 1, lead article.
CENTRAL = Article(
    title="中共中央 国务院印发《关于进一步做好就业工作的意见》",
    source="晋城日报",
    page="1",
    position=0,
    paragraphs=[
        "新华社北京10月17日电 近日，中共中央、国务院印发《关于进一步做好就业工作的意见》，"
        "要求各地各部门把稳就业摆在更加突出的位置。",
        "意见提出，到2025年全国城镇新增就业每年保持在1200万人以上，高校毕业生就业率稳中有升。",
    ],
)
# The bridge story a day later, with a new fact (the first day's traffic).
BRIDGE_NEXT = Article(
    title="汾河三桥通车首日车流超4万辆次",
    source="晋城日报",
    page="2",
    paragraphs=[
        "汾河三桥10月16日建成通车，全长2.4公里，总投资18.6亿元。通车首日，大桥车流量达4.3万辆次，"
        "两岸通行时间由40分钟缩短到8分钟，市交通运输局在桥头增设了临时引导岗。",
    ],
)
