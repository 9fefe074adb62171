-- Argo CD health of a cpaasx.io object, read from its status as kstatus (Flux's health checks) reads it, so that both
-- tools agree: Stalled=True is Degraded (kstatus Failed), Reconciling=True or Ready not True is Progressing
-- (InProgress), Ready=True is Healthy (Current). Conditions have the metav1.Condition shape.
-- The six kinds share this script: each kind's resource_customizations folder links to it.
local hs = {}

local function findCondition(status, type)
  if status.conditions == nil then
    return nil
  end
  for _, condition in ipairs(status.conditions) do
    if condition.type == type then
      return condition
    end
  end
  return nil
end

-- kstatus walks the conditions in order: the first Reconciling=True or Stalled=True decides.
local function abnormalCondition(status)
  if status.conditions == nil then
    return nil
  end
  for _, condition in ipairs(status.conditions) do
    if (condition.type == "Reconciling" or condition.type == "Stalled") and condition.status == "True" then
      return condition
    end
  end
  return nil
end

local function describe(condition)
  local reason = condition.reason or "Unknown"
  if condition.message ~= nil and condition.message ~= "" then
    return reason .. ": " .. condition.message
  end
  return reason
end

local generation = obj.metadata.generation or 0
local status = obj.status

if status == nil or status.observedGeneration == nil then
  hs.status = "Progressing"
  hs.message = "Waiting for the operator to report status"
  return hs
end

if status.observedGeneration < generation then
  hs.status = "Progressing"
  hs.message = "Waiting for the operator to observe generation " .. generation
  return hs
end

local ready = findCondition(status, "Ready")
if ready == nil then
  hs.status = "Progressing"
  hs.message = "Waiting for the Ready condition"
  return hs
end

-- A deleting object waits for its in-use-protection finalizer: that is progress, not a fault.
if obj.metadata.deletionTimestamp ~= nil and ready.status ~= "True" then
  hs.status = "Progressing"
  hs.message = "Terminating: " .. describe(ready)
  return hs
end

if ready.observedGeneration ~= nil and ready.observedGeneration < generation then
  hs.status = "Progressing"
  hs.message = "Waiting for the Ready condition of generation " .. generation
  return hs
end

local abnormal = abnormalCondition(status)
if abnormal ~= nil and abnormal.type == "Stalled" then
  -- Needs a change by the user: no retry or other object will make it Ready.
  hs.status = "Degraded"
  hs.message = describe(abnormal)
elseif abnormal ~= nil then
  hs.status = "Progressing"
  hs.message = describe(abnormal)
elseif ready.status == "True" then
  hs.status = "Healthy"
  hs.message = describe(ready)
else
  hs.status = "Progressing"
  hs.message = describe(ready)
end
return hs
