-- Argo CD health of a cpaasx.io object, read from its kstatus-style status:
-- top-level observedGeneration and the Ready condition (metav1.Condition shape).
-- The six kinds share this script: each kind's resource_customizations folder links to it.
local hs = {}

local function readyCondition(status)
  if status.conditions == nil then
    return nil
  end
  for _, condition in ipairs(status.conditions) do
    if condition.type == "Ready" then
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

local ready = readyCondition(status)
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

if ready.status == "True" then
  hs.status = "Healthy"
  hs.message = describe(ready)
elseif ready.status == "False" then
  hs.status = "Degraded"
  hs.message = describe(ready)
else
  hs.status = "Progressing"
  hs.message = describe(ready)
end
return hs
